import './base.css';
import './flavors.css';
