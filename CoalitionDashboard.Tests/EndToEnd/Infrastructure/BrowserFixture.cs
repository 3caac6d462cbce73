using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CoalitionDashboard.Tests.EndToEnd.Infrastructure.BrowserFixture))]

namespace CoalitionDashboard.Tests.EndToEnd.Infrastructure;

/// <summary>
/// One real server (Kestrel on a free loopback port, fresh database seeded from data/) and one headless
/// Chromium for the whole test run. Chromium is the system's (Debian's package), never a download.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private DashboardAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public Uri? BaseAddress { get; private set; }

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public string? UnavailableReason { get; private set; }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"Chromium not found at {ChromiumPath}: install it (apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.";
            return;
        }

        _factory = new DashboardAppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
