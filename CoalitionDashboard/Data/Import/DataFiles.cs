using System.Security.Cryptography;

namespace CoalitionDashboard.Data.Import;

/// <summary>The files that make up the curated data set, and the content hash that detects a change.</summary>
public static class DataFiles
{
    public const string Dataset = "dataset.json";
    public const string Sources = "sources.json";
    public const string Countries = "countries.json";
    public const string Organisations = "organisations.json";
    public const string Pledges = "pledges.json";
    public const string Events = "events.json";
    public const string Quotes = "quotes.json";
    public const string OpenIssues = "open-issues.json";

    public static readonly IReadOnlyList<string> All = [Dataset, Sources, Countries, Organisations, Pledges, Events, Quotes, OpenIssues];

    /// <summary>SHA-256 over each data file's name and bytes (a missing file counts as empty).</summary>
    public static string ComputeHash(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in All)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
