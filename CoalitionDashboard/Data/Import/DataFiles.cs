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

    /// <summary>
    /// What the importer writes from the files: change it whenever the import writes new tables or columns (a new
    /// migration the files feed), so a database imported by an older version is imported again even if the files did
    /// not change, rather than keeping the new tables empty.
    /// </summary>
    public const string ImportVersion = "2026-12-02 parties with roles, supersession, event status, rosters";

    /// <summary>
    /// SHA-256 over the import version and each data file's name and bytes (a missing file counts as empty), read as a
    /// stream. A file that cannot be read hashes as its error, so the loader is asked and reports it.
    /// </summary>
    public static string ComputeHash(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(ImportVersion + "\n"));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            foreach (var name in All)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    try
                    {
                        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                        int read;
                        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            hash.AppendData(buffer, 0, read);
                        }
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        hash.AppendData(System.Text.Encoding.UTF8.GetBytes("unreadable: " + ex.Message + Guid.NewGuid()));
                    }
                }
                hash.AppendData("\n"u8);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
