using System.Diagnostics;
using System.Net;

namespace CoalitionDashboard.Tests.Performance.Infrastructure;

/// <summary>The outcome of one load run: throughput and latency percentiles over the measured window.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, double MeanResponseBytes);

/// <summary>
/// A closed-loop HTTP load generator: <c>connections</c> workers, each with its own keep-alive connection, send
/// GETs back to back (as a browser would: <c>Accept-Encoding: br, gzip</c>) for a warm-up, then for the
/// measured window. Latency is the time to the last byte of the body.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(Uri url, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,*/*");

        var stopwatch = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + duration;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(16_384);
            long errors = 0, bytes = 0;
            var buffer = new byte[64 * 1024];
            while (stopwatch.Elapsed < measureTo)
            {
                var started = stopwatch.Elapsed;
                long length = 0;
                var ok = false;
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    int read;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        length += read;
                    }
                    ok = response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                var finished = stopwatch.Elapsed;
                if (started >= measureFrom && finished <= measureTo)
                {
                    if (ok)
                    {
                        latencies.Add((finished - started).TotalMilliseconds);
                        bytes += length;
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
            return (latencies, errors, bytes);
        })).ToArray();

        var results = await Task.WhenAll(workers);
        var all = results.SelectMany(r => r.latencies).ToArray();
        var errorCount = results.Sum(r => r.errors);
        var totalBytes = results.Sum(r => r.bytes);
        return new LoadResult(
            all.Length / duration.TotalSeconds,
            Stats.Percentile(all, 50),
            Stats.Percentile(all, 99),
            all.Length,
            errorCount,
            all.Length == 0 ? 0 : (double)totalBytes / all.Length);
    }
}
