using CoalitionDashboard.Components.Shared;
using CoalitionDashboard.ReadModel;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoalitionDashboard.Tests.Infrastructure;

/// <summary>Display-only parts are rendered to HTML once per key and data set, encoded like any Razor output.</summary>
public sealed class StaticHtmlTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    private static RenderFragment Paragraph(string text) => builder =>
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, text);
        builder.CloseElement();
    };

    [Fact]
    public async Task Render_SameKeyTwice_BuildsOnceAndReturnsTheSameHtml()
    {
        var html = new StaticHtml(Services, NullLoggerFactory.Instance, new QueryCache(new CoalitionDashboard.Data.DataGeneration()));
        var builds = 0;

        var first = await html.RenderAsync("k", () => { builds++; return Task.FromResult(Paragraph("Kyiv & <Crimea>")); });
        var second = await html.RenderAsync("k", () => { builds++; return Task.FromResult(Paragraph("something else")); });

        Assert.Equal("<p>Kyiv &amp; &lt;Crimea&gt;</p>", first.Value);
        Assert.Same(first.Value, second.Value);
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task Render_AfterAnImportPublishedANewGeneration_RendersAfresh()
    {
        var generation = new CoalitionDashboard.Data.DataGeneration();
        var cache = new QueryCache(generation);
        var html = new StaticHtml(Services, NullLoggerFactory.Instance, cache);
        await html.RenderAsync("k", () => Task.FromResult(Paragraph("before")));

        generation.Publish("another data set");
        var after = await html.RenderAsync("k", () => Task.FromResult(Paragraph("after")));

        Assert.Equal("<p>after</p>", after.Value);
    }
}
