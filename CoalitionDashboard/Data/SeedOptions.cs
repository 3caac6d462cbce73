namespace CoalitionDashboard.Data;

/// <summary>Where the curated data files are read from (<c>Seed:DataDirectory</c>, or <c>--data DIR</c> on the command line).</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Absolute after configuration; a relative value is resolved against the app's base directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Import on start when the database is empty or the data files changed.</summary>
    public bool ImportOnStart { get; set; } = true;
}
