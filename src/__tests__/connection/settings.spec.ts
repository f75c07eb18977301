import { readSettings } from '../../connection/settings';

describe('readSettings', () => {
  it('reads a full composite', () => {
    const settings = readSettings({
      hubUrl: ' https://hub.example.org ',
      token: ' t ',
      defaultOptions: { option: 'default' },
      launchers: [
        {
          title: 'A',
          caption: 'a',
          options: { option: 'custom', custom: { customimage: 'x' } }
        }
      ],
      systems: { 'JSC-Cloud': { l2: 'Large' } },
      openInNewTab: false,
      startTimeout: 120,
      serverLifetime: 30,
      lifetimeWarning: 0
    });
    expect(settings).toEqual({
      hubUrl: 'https://hub.example.org',
      token: 't',
      defaultOptions: { option: 'default' },
      launchers: [
        {
          title: 'A',
          caption: 'a',
          options: { option: 'custom', custom: { customimage: 'x' } }
        }
      ],
      systems: {
        'JSC-Cloud': {
          l2: {
            displayName: 'Large',
            description: '',
            max: null,
            current: null,
            runtime: null
          }
        }
      },
      openInNewTab: false,
      startTimeout: 120,
      serverLifetime: 30,
      lifetimeWarning: 0
    });
  });

  it('drops malformed launchers and falls back to defaults', () => {
    const settings = readSettings({
      launchers: [
        { caption: 'no title' },
        'junk',
        { title: '  ' },
        { title: 'Ok' }
      ],
      startTimeout: -1,
      serverLifetime: -5,
      lifetimeWarning: 'soon'
    } as any);
    expect(settings.launchers).toEqual([
      { title: 'Ok', caption: '', options: {} }
    ]);
    expect(settings.startTimeout).toBe(600);
    expect(settings.serverLifetime).toBe(3600);
    expect(settings.lifetimeWarning).toBe(10);
    expect(settings.openInNewTab).toBe(true);
    expect(settings.hubUrl).toBe('');
    // No list of systems: the user types system and flavor.
    expect(settings.systems).toEqual({});
  });
});
