import { EventStreamParser, toProgressEvent } from '../../hub';

describe('EventStreamParser', () => {
  it('splits events, across chunks and line endings', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data: {"progress": 10}\n')).toEqual([]);
    expect(parser.push('\ndata: {"progr')).toEqual(['{"progress": 10}']);
    expect(parser.push('ess": 50}\r\n\r\n: keep-alive\n\n\n')).toEqual([
      '{"progress": 50}'
    ]);
    expect(parser.push('data: a\ndata: b\n\n')).toEqual(['a\nb']);
  });
});

describe('toProgressEvent', () => {
  it('keeps the plain message, never the HTML one [F13]', () => {
    expect(
      toProgressEvent(
        '{"progress": 120, "message": " Pulling ", "html_message": "<b>x</b>"}'
      )
    ).toEqual({
      progress: 100,
      message: 'Pulling',
      ready: false,
      failed: false
    });
    expect(toProgressEvent('{"ready": true, "url": "/user/a/b/"}')).toEqual({
      progress: null,
      message: '',
      ready: true,
      failed: false
    });
  });

  it('ignores what is not an event', () => {
    expect(toProgressEvent('not json')).toBeNull();
    expect(toProgressEvent('[1]')).toBeNull();
  });
});
