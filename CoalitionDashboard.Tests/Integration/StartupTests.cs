using System.Net;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithBrokenDataAndEmptyDatabase_ServesButHealthzIs503()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(DataFiles.Countries, "\"role\": \"member\"", "\"role\": \"friend\"");
        await using var factory = DashboardAppFactory.WithData(data.Directory);
        var client = factory.CreateClient();

        // Act
        var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("No data has been imported yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
