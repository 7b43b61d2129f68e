import { lintProblems, parseExposition } from './prometheus-text';

const lint = (text: string) => lintProblems(parseExposition(text));

describe('the exposition checker', () => {
  it('accepts well-formed families of every type', () => {
    const text = [
      '# HELP jobs_done_total Jobs done',
      '# TYPE jobs_done_total counter',
      'jobs_done_total{kind="export"} 3',
      '# HELP lag_events Events behind',
      '# TYPE lag_events gauge',
      'lag_events 0',
      '# HELP req_seconds Request time',
      '# TYPE req_seconds histogram',
      'req_seconds_bucket{route="/v1/x/:id",le="0.1"} 1',
      'req_seconds_bucket{route="/v1/x/:id",le="+Inf"} 2',
      'req_seconds_sum{route="/v1/x/:id"} 0.3',
      'req_seconds_count{route="/v1/x/:id"} 2',
      '',
    ].join('\n');
    expect(lint(text)).toEqual([]);
  });

  it('flags what promtool flags', () => {
    expect(lint('# HELP a_total A\n# TYPE a_total gauge\na_total 1\n')).toEqual([
      'a_total: non-counter metrics should not have "_total" suffix',
    ]);
    expect(lint('# HELP a A\n# TYPE a counter\na 1\n')).toEqual([
      'a: counter metrics should have "_total" suffix',
    ]);
    expect(
      lint('# HELP t_milliseconds T\n# TYPE t_milliseconds gauge\nt_milliseconds 1\n'),
    ).toEqual(['t_milliseconds: use base units']);
    expect(
      lint(
        '# HELP h H\n# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n',
      ),
    ).toEqual(['h[]: buckets are not cumulative']);
  });

  it('refuses what a scrape would refuse', () => {
    expect(() => parseExposition('# TYPE a gauge\na 1')).toThrow(/newline/);
    expect(() => parseExposition('a 1\n')).toThrow(/without TYPE/);
    expect(() => parseExposition('# TYPE a gauge\na{x="1"} 1\na{x="1"} 2\n')).toThrow(/duplicate/);
    expect(() => parseExposition('# TYPE a gauge\na{x=1} 1\n')).toThrow(/bad labels/);
    expect(() => parseExposition('# TYPE a gauge\na one\n')).toThrow(/bad value/);
  });
});
