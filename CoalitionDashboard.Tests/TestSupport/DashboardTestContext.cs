using Bunit;
using CoalitionDashboard.Infrastructure.Markdown;
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
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
