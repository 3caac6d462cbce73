using Bunit;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Data.Markdown;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>bUnit context with MudBlazor's services (no transitions, loose JS interop) and the app's Markdown renderer.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton<MarkdownRenderer>();
        Services.AddSingleton(new CoalitionDashboard.Components.Layout.VersionedAssets(new Microsoft.Extensions.FileProviders.NullFileProvider()));
        Services.AddScoped<CoalitionDashboard.Components.Shared.PopoverHostClaim>();
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>Registers the real query classes over a seeded test database.</summary>
    protected void UseDatabase(TestDatabase database)
    {
        Services.AddSingleton(database.Get<CoalitionDashboard.ReadModel.OverviewQueries>());
        Services.AddSingleton(database.Get<CoalitionDashboard.ReadModel.DashboardQueries>());
        Services.AddSingleton(database.Get<CoalitionDashboard.ReadModel.Filtering.ReferenceData>());
        Services.AddSingleton(sp => new FilterContextFactory(sp.GetRequiredService<ReferenceData>(), TimeProvider.System));
        CoalitionDashboard.Features.FeatureRegistration.AddDashboardFeatures(Services);
    }

    /// <summary>The filter context the layout would cascade for <paramref name="query"/>.</summary>
    protected static async Task<FilterContext> FilterFor(TestDatabase database, string query)
    {
        var reference = await database.Get<ReferenceData>().GetAsync();
        var parsed = FilterParser.Parse(query, reference.Codes);
        return new FilterContext(parsed.Filter, parsed.Errors, reference);
    }
}
