using System.Net.Http.Json;
using System.Text.Json;
using CoalitionDashboard.Data;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// /openapi/v1.json describes every endpoint the app maps under /api and /export (read from the app's own endpoint
/// data source, so a new endpoint without a description fails here), with each parameter it reads and its allowed values.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpenApiTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Document_ListsEveryApiAndExportEndpoint_AndNothingElse()
    {
        // Arrange: the mapped routes, as the app's router knows them
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => (p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/export/", StringComparison.Ordinal)) && !p.Contains("{**", StringComparison.Ordinal))
            .Distinct().Order().ToList();

        // Act
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();

        // Assert
        Assert.True(mapped.Count >= 11, string.Join(", ", mapped));
        Assert.Equal(mapped, paths);
        Assert.All(document.GetProperty("paths").EnumerateObject(), p => Assert.True(p.Value.TryGetProperty("get", out _), $"{p.Name} has no GET"));
        Assert.Equal("CC BY 4.0", document.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/pledges", "status", typeof(PledgeStatus))]
    [InlineData("/api/pledges", "category", typeof(PledgeCategory))]
    [InlineData("/export/pledges.csv", "status", typeof(PledgeStatus))]
    public async Task Parameters_CarryTheirAllowedValues(string path, string parameter, Type vocabulary)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        var found = Assert.Single(parameters, p => p.GetProperty("name").GetString() == parameter);
        Assert.Equal("query", found.GetProperty("in").GetString());
        var values = found.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();
        var expected = vocabulary == typeof(PledgeStatus) ? Slug.All<PledgeStatus>() : Slug.All<PledgeCategory>();
        Assert.Equal(expected, values);
        Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "asof" && p.GetProperty("schema").GetProperty("format").GetString() == "date");
    }

    [Theory]
    [InlineData("/api/pledges", "PledgeDto")]
    [InlineData("/api/countries/{iso3}", "CountryDetailDto")]
    [InlineData("/api/events", "EventDto")]
    public async Task ApiResponses_AreDescribedWithTheirRecordSchema(string path, string schema)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        var ok = get.GetProperty("responses").GetProperty("200").GetRawText();
        Assert.Contains(schema, ok, StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _), $"{path} does not describe its 400");
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty(schema, out _));
    }

    [Fact]
    public async Task EveryParameterTheApiReads_IsDescribed()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var pledges = document.GetProperty("paths").GetProperty("/api/pledges").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Equal(CoalitionDashboard.ReadModel.Filtering.DashboardFilter.Keys, pledges);
    }
}
