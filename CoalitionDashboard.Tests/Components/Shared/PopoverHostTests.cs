using Bunit;
using CoalitionDashboard.Components.Shared;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Components.Shared;

/// <summary>
/// Two islands with MudBlazor inputs in one circuit (the filter panel open on the sources page) must not both place
/// MudBlazor's popover provider: the second one stopped the circuit ("already a subscriber ... mud-overlay-to-popover-provider").
/// </summary>
public sealed class PopoverHostTests : DashboardTestContext
{
    [Fact]
    public void TwoHostsInOneCircuit_RenderOneProvider_AndTheSecondTakesOverWhenTheFirstGoes()
    {
        // Arrange (the context registers the circuit's PopoverHostClaim, as the app does)
        var showFirst = true;
        RenderFragment both = builder =>
        {
            if (showFirst)
            {
                builder.OpenComponent<PopoverHost>(0);
                builder.CloseComponent();
            }
            builder.OpenComponent<PopoverHost>(1);
            builder.CloseComponent();
        };

        // Act
        var host = Render(both);
        var before = host.FindAll(".mud-popover-provider").Count;
        showFirst = false;
        host.Render();

        // Assert
        Assert.Equal(1, before);
        host.WaitForAssertion(() => Assert.Single(host.FindAll(".mud-popover-provider")));
    }
}
