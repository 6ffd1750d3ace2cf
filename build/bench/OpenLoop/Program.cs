using System.Diagnostics;
using System.Globalization;
using System.Net;
using OpenLoop;

// An open-loop load generator: request i is due at start + i / rate, whether or not earlier requests have been
// answered, and its latency is measured from that due time, not from when a connection was free to send it. A
// server that stalls therefore shows the stall in every request that was due during it (no coordinated omission),
// which closed-loop tools (wrk, and hey -q, whose workers wait for each response before the next tick) hide.
// Requests go over at most --connections keep-alive connections, HTTP/1.1, as wrk's; a request due while all of them
// are busy waits for one, and that wait is part of its latency.
//
//   OpenLoop --url URL --rate N [--seconds 10] [--connections 32] [--method GET] [--body JSON]
//            [--header "Name: value"]... [--unique-header Idempotency-Key] [--timeout-seconds 10]
//
// Prints one line of key=value pairs: requests, responses, non2xx, errors (no response: refused, reset, timed out),
// rate (responses per second), p50_ms, p90_ms, p99_ms, p999_ms, max_ms, send_lag_p99_ms (how late this client
// itself sent, a check that the machine kept up with the schedule) and codes (responses per status: 200:9990,429:10).
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"OpenLoop: {e.Message}");
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    ConnectTimeout = TimeSpan.FromSeconds(5),
    AllowAutoRedirect = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };

// Open every connection before the clock starts (not counted), so the first requests do not pay for connecting.
await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async _ =>
{
    try
    {
        using var response = await client.SendAsync(options.NewRequest());
    }
    catch (HttpRequestException)
    {
        // Counted in the measured run, if the server keeps refusing.
    }
}));

var total = (int)Math.Max(1, Math.Round(options.Rate * options.Seconds));
var outcomes = new Outcome[total];
var inFlight = new Task[total];
var ticksPerRequest = Stopwatch.Frequency / options.Rate;
var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);

// The schedule runs on a thread of its own, so a busy thread pool cannot make it late.
var scheduler = new Thread(() =>
{
    for (var i = 0; i < total; i++)
    {
        var due = start + (long)(i * ticksPerRequest);
        Clock.SleepUntil(due);
        inFlight[i] = SendAsync(i, due);
    }
})
{ IsBackground = true, Name = "schedule" };
scheduler.Start();
scheduler.Join();
await Task.WhenAll(inFlight);
var elapsed = Stopwatch.GetElapsedTime(start);

var answered = outcomes.Where(o => o.Status != 0).ToArray();
var latencies = answered.Select(o => o.LatencyTicks).Order().ToArray();
var lags = outcomes.Select(o => o.SendLagTicks).Order().ToArray();
Console.WriteLine(string.Join(' ', new (string Key, string Value)[]
{
    ("requests", Invariant(total)),
    ("responses", Invariant(answered.Length)),
    ("non2xx", Invariant(answered.Count(o => o.Status is < 200 or > 299))),
    ("errors", Invariant(total - answered.Length)),
    ("rate", Invariant(Math.Round(answered.Length / elapsed.TotalSeconds, 1))),
    ("p50_ms", Milliseconds(latencies, 0.50)),
    ("p90_ms", Milliseconds(latencies, 0.90)),
    ("p99_ms", Milliseconds(latencies, 0.99)),
    ("p999_ms", Milliseconds(latencies, 0.999)),
    ("max_ms", Milliseconds(latencies, 1.0)),
    ("send_lag_p99_ms", Milliseconds(lags, 0.99)),
    ("codes", answered.Length == 0 ? "-" : string.Join(',', answered.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"))),
}.Select(pair => $"{pair.Key}={pair.Value}")));
return 0;

async Task SendAsync(int index, long due)
{
    var sent = Stopwatch.GetTimestamp();
    var status = 0;
    try
    {
        using var request = options.NewRequest();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        status = (int)response.StatusCode;
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        // No response: an error, with no latency.
    }

    outcomes[index] = new Outcome(Stopwatch.GetTimestamp() - due, sent - due, status);
}

static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

// Nearest rank: the smallest value with at least the fraction p of all values at or below it.
static string Milliseconds(long[] sortedTicks, double p) =>
    sortedTicks.Length == 0
        ? "nan"
        : Invariant(Math.Round(sortedTicks[Math.Clamp((int)Math.Ceiling(p * sortedTicks.Length) - 1, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency, 3));
