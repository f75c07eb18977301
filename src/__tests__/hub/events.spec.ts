import { EventStreamParser, KEEP_ALIVE, toProgressEvent } from '../../hub';

describe('EventStreamParser', () => {
  it('splits events, across chunks and line endings', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data: {"progress": 10}\n')).toEqual([]);
    expect(parser.push('\ndata: {"progr')).toEqual(['{"progress": 10}']);
    expect(parser.push('ess": 50}\r\n\r\n: keep-alive\n\n\n')).toStrictEqual([
      '{"progress": 50}',
      KEEP_ALIVE,
      KEEP_ALIVE,
      KEEP_ALIVE
    ]);
    expect(parser.push('data: a\ndata: b\n\n')).toEqual(['a\nb']);
  });

  it('reads the same events wherever a chunk ends, CRLF included [F19]', () => {
    const stream =
      'data: {"progress": 10}\r\n\r\n: keep-alive\r\n\r\n' +
      'data: a\r\ndata: b\r\n\r\ndata: c\rdata: d\r\rdata: e\n\n';
    const expected = [
      '{"progress": 10}',
      KEEP_ALIVE,
      KEEP_ALIVE,
      'a\nb',
      'c\nd',
      'e'
    ];
    for (let split = 0; split <= stream.length; split++) {
      const parser = new EventStreamParser();
      const events = [
        ...parser.push(stream.slice(0, split)),
        ...parser.push(stream.slice(split))
      ];
      expect([split, events]).toStrictEqual([split, expected]);
    }
  });

  it('gives a sign of life for each keep-alive line, and only for those', () => {
    const parser = new EventStreamParser();
    expect(parser.push('\n\n')).toStrictEqual([KEEP_ALIVE, KEEP_ALIVE]);
    expect(parser.push(': ping\r\n')).toStrictEqual([KEEP_ALIVE]);
    expect(parser.push('data: x\n')).toStrictEqual([]);
    expect(parser.push('event: progress\n')).toStrictEqual([]);
    expect(parser.push('\n')).toStrictEqual(['x']);
  });

  it('reads a stream sent one character at a time', () => {
    const stream = 'data: x\r\ndata: y\r\n\r\ndata: z\r\r';
    const parser = new EventStreamParser();
    const events = [...stream].flatMap(char => parser.push(char));
    expect(events).toEqual(['x\ny', 'z']);
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
      failed: false,
      keepAlive: false
    });
    expect(toProgressEvent('{"ready": true, "url": "/user/a/b/"}')).toEqual({
      progress: null,
      message: '',
      ready: true,
      failed: false,
      keepAlive: false
    });
  });

  it('ignores what is not an event', () => {
    expect(toProgressEvent('not json')).toBeNull();
    expect(toProgressEvent('[1]')).toBeNull();
  });
});
