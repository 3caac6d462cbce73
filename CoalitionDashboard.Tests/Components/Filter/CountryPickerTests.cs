using Bunit;
using CoalitionDashboard.Components.Filter;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CoalitionDashboard.Tests.Components.Filter;

/// <summary>"Add a country": type to narrow the list, pick with the mouse or the keyboard, and the choice is reported at once.</summary>
public sealed class CountryPickerTests : DashboardTestContext
{
    private static readonly CountryInfo[] Countries =
    [
        new("FRA", "France", true, true, CoalitionRole.Member),
        new("POL", "Poland", true, true, CoalitionRole.Member),
        new("PRT", "Portugal", true, true, CoalitionRole.Member),
        new("NOR", "Norway", false, true, CoalitionRole.Member),
    ];

    private (IRenderedComponent<CountryPicker> Picker, List<string> Chosen) RenderPicker()
    {
        var chosen = new List<string>();
        var picker = Render<CountryPicker>(p => p
            .Add(c => c.Countries, Countries)
            .Add(c => c.OnChoose, EventCallback.Factory.Create<CountryInfo>(this, country => chosen.Add(country.Iso3))));
        return (picker, chosen);
    }

    [Fact]
    public void Typing_NarrowsTheListToMatchingNames_NamesThatStartWithItFirst()
    {
        var (picker, _) = RenderPicker();

        picker.Find("input").Input("or");

        Assert.Equal(["Norway", "Portugal"], picker.FindAll("[role=option]").Select(o => o.FirstChild!.TextContent.Trim()));
        Assert.Equal("true", picker.Find("input").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void ClickingAnOption_ReportsItAndClearsTheBox()
    {
        var (picker, chosen) = RenderPicker();
        picker.Find("input").Input("po");

        picker.FindAll("[role=option]").Single(o => o.TextContent.Contains("Portugal", StringComparison.Ordinal)).Click();

        Assert.Equal(["PRT"], chosen);
        Assert.Empty(picker.FindAll("[role=option]"));
        Assert.Equal("", picker.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void ArrowDownThenEnter_ChoosesTheSecondMatch_AndMarksItAsTheActiveOption()
    {
        var (picker, chosen) = RenderPicker();
        var input = picker.Find("input");
        input.Input("po");

        input.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal("country-option-1", picker.Find("input").GetAttribute("aria-activedescendant"));
        picker.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["PRT"], chosen);
    }

    [Fact]
    public void IsoCode_FindsTheCountry_AndAnUnknownNameSaysSo()
    {
        var (picker, _) = RenderPicker();

        picker.Find("input").Input("nor");
        Assert.Equal(["Norway"], picker.FindAll("[role=option]").Select(o => o.FirstChild!.TextContent.Trim()));

        picker.Find("input").Input("Atlantis");
        Assert.Empty(picker.FindAll("[role=option]"));
        Assert.Contains("No country matches “Atlantis”", picker.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_ClosesTheList()
    {
        var (picker, chosen) = RenderPicker();
        picker.Find("input").Input("p");

        picker.Find("input").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(picker.FindAll("[role=option]"));
        Assert.Equal("false", picker.Find("input").GetAttribute("aria-expanded"));
        Assert.Empty(chosen);
    }
}
