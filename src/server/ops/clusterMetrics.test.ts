import { mergeExpositions } from "./clusterMetrics";

describe("one exposition from several processes' metrics", () => {
  const worker = (requests: number) =>
    [
      "# HELP minstd_http_requests_total HTTP requests answered",
      "# TYPE minstd_http_requests_total counter",
      `minstd_http_requests_total{route="/api/v1/health",method="GET",status="200"} ${requests}`,
      "# HELP minstd_process_uptime_seconds Seconds since this server process started",
      "# TYPE minstd_process_uptime_seconds gauge",
      "minstd_process_uptime_seconds 12.5",
      "",
    ].join("\n");

  it("keeps each metric's HELP and TYPE once and labels every sample with its worker", () => {
    const text = mergeExpositions([
      { worker: "1", text: worker(3) },
      { worker: "2", text: worker(4) },
    ]);
    expect(text.split("\n")).toEqual([
      "# HELP minstd_http_requests_total HTTP requests answered",
      "# TYPE minstd_http_requests_total counter",
      'minstd_http_requests_total{worker="1",route="/api/v1/health",method="GET",status="200"} 3',
      'minstd_http_requests_total{worker="2",route="/api/v1/health",method="GET",status="200"} 4',
      "# HELP minstd_process_uptime_seconds Seconds since this server process started",
      "# TYPE minstd_process_uptime_seconds gauge",
      'minstd_process_uptime_seconds{worker="1"} 12.5',
      'minstd_process_uptime_seconds{worker="2"} 12.5',
      "",
    ]);
  });

  it("keeps a histogram's bucket, sum and count lines under their metric", () => {
    const histogram = [
      "# HELP minstd_http_request_duration_seconds Time to answer",
      "# TYPE minstd_http_request_duration_seconds histogram",
      'minstd_http_request_duration_seconds_bucket{route="/x",method="GET",le="+Inf"} 1',
      'minstd_http_request_duration_seconds_sum{route="/x",method="GET"} 0.01',
      'minstd_http_request_duration_seconds_count{route="/x",method="GET"} 1',
    ].join("\n");
    const lines = mergeExpositions([{ worker: "7", text: histogram }])
      .trim()
      .split("\n");
    expect(lines.slice(2)).toEqual([
      'minstd_http_request_duration_seconds_bucket{worker="7",route="/x",method="GET",le="+Inf"} 1',
      'minstd_http_request_duration_seconds_sum{worker="7",route="/x",method="GET"} 0.01',
      'minstd_http_request_duration_seconds_count{worker="7",route="/x",method="GET"} 1',
    ]);
  });
});
