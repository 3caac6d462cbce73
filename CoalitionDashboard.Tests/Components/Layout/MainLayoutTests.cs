using Bunit;
using CoalitionDashboard.Components.Layout;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Components.Layout;

/// <summary>The shell, rendered with a browser whose answers cannot be trusted.</summary>
public sealed class MainLayoutTests : DashboardTestContext
{
    [Fact]
    public async Task ABrowserThatAnswersTheScreenQueryWithNull_KeepsTheDefaults_AndTheShellRenders()
    {
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken);
        UseDatabase(database);
        Services.AddSingleton(database.Get<FreshnessCheck>());
        // Loose JS interop answers every call with its type's default: the theme module's screenInfo() returns null.

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"body\">page</p>"))));

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("#body")));
        Assert.Contains("app--drawer-auto", layout.Find("[data-testid=app-layout]").ClassName, StringComparison.Ordinal);
        Assert.Contains($"Data as of {Curated.Short(Curated.AsOf)}", layout.Find("[data-testid=data-as-of-bar]").TextContent, StringComparison.Ordinal);
    }
}
