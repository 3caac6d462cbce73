using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// A presentation survives the server going away (a laptop that slept, a dropped network, a restart): the
/// audience never sees an error dialog, and once the server answers again the deck reloads on the same slide.
/// The app runs here as a real process so that it can be stopped and started again on the same port.
/// </summary>
public sealed class ReconnectTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Deck_ServerRestartedUnderAnOpenDeck_ReloadsOnTheSameSlideWithoutAnErrorDialog()
    {
        // Arrange
        var port = FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"coalition-reconnect-{Guid.NewGuid():N}.db");
        var server = StartApp(port, database);
        try
        {
            await WaitUntilHealthyAsync(port);
            var url = $"http://127.0.0.1:{port}/briefings/paris-summit-2026?slide=3";
            await Page.GotoAsync(url);
            await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync(new Regex(@"^3 / \d+$"));
            await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // Act: the server goes away, then comes back
            Stop(server);
            await Page.WaitForTimeoutAsync(3000);
            Assert.False(await Page.Locator("#components-reconnect-modal[open]").IsVisibleAsync(), "the reconnect dialog was shown to the audience");
            await Assertions.Expect(Page.GetByTestId("slide")).ToBeVisibleAsync();
            server = StartApp(port, database);
            await WaitUntilHealthyAsync(port);

            // Assert: reloaded by itself (the interactive circuit is new), same slide, no dialog
            await Page.WaitForFunctionAsync("() => performance.getEntriesByType('navigation')[0]?.type === 'reload'", null, new() { Timeout = 90_000 });
            await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"slide=3$"));
            await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync(new Regex(@"^3 / \d+$"));
            Assert.False(await Page.Locator("#components-reconnect-modal[open]").IsVisibleAsync());
        }
        finally
        {
            Stop(server);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    private static Process StartApp(int port, string database)
    {
        // The app's own build output (it has the static web assets manifest): .../CoalitionDashboard/bin/<Configuration>/net10.0/
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var appOutput = testOutput.Replace($"{Path.DirectorySeparatorChar}CoalitionDashboard.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}CoalitionDashboard{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appOutput, "CoalitionDashboard.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(TestData.RealDataDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Coalition"] = $"Data Source={database}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped and disposed.
        }
        process.Dispose();
    }

    private static async Task WaitUntilHealthyAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"the app did not become healthy on port {port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
