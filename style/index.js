import './base.css';
import './flavors.css';
import './secret.css';
