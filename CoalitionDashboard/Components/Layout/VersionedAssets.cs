using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;

namespace CoalitionDashboard.Components.Layout;

/// <summary>
/// Addresses with a content version for the static files the build cannot fingerprint: MudBlazor's stylesheet and
/// script (a package's fingerprinted copies are served uncompressed: 627 KB instead of 42 KB) and the map outlines
/// (plotly.js builds their file names itself, <c>{topojsonURL}{scope}_110m.json</c>). The version is a hash of the
/// files' bytes, so a new file gets a new address, and a request that carries the current version may be kept by
/// the browser for a year (<see cref="IsCurrent(string, string?)"/>; the host sets the header). A repeat visit then
/// asks nothing for them, where each used to cost a revalidation round trip.
/// </summary>
public sealed class VersionedAssets
{
    /// <summary>The files addressed with <c>?v=</c>, as pages link them.</summary>
    public static readonly IReadOnlyList<string> Files = ["_content/MudBlazor/MudBlazor.min.css", "_content/MudBlazor/MudBlazor.min.js", PlotlyBundleFile];

    /// <summary>The app's plotly.js bundle (Infrastructure/PlotlyBundle sends Plotly.Blazor's request for plotly.js here).</summary>
    public const string PlotlyBundleFile = "lib/plotly/plotly-dashboard.min.js";

    /// <summary>The map outlines' folder; <see cref="TopoJsonUrl"/> puts the version in a path segment below it.</summary>
    public const string TopoJsonFolder = "topojson/";

    private const string TopoJsonVersionPrefix = "v-";

    private readonly FrozenDictionary<string, string> _versions;
    private readonly string? _topoJsonVersion;

    public VersionedAssets(IFileProvider webRoot)
    {
        _versions = Files
            .Select(path => (path, version: Hash(webRoot, [path])))
            .Where(v => v.version is not null)
            .ToFrozenDictionary(v => "/" + v.path, v => v.version!, StringComparer.Ordinal);
        var outlines = webRoot.GetDirectoryContents(TopoJsonFolder.TrimEnd('/'))
            .Where(f => !f.IsDirectory && f.Name.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => TopoJsonFolder + f.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        _topoJsonVersion = outlines.Count == 0 ? null : Hash(webRoot, outlines);
    }

    /// <summary>The file's address with its version (the plain address if the file was not found at start).</summary>
    public string Href(string path) =>
        _versions.TryGetValue("/" + path, out var version) ? $"{path}?v={version}" : path;

    /// <summary>plotly's <c>topojsonURL</c>: <c>topojson/v-{version}/</c>, or the plain folder without outlines.</summary>
    public string TopoJsonUrl => _topoJsonVersion is { } v ? $"{TopoJsonFolder}{TopoJsonVersionPrefix}{v}/" : TopoJsonFolder;

    /// <summary>Whether a request for <paramref name="path"/> (from the root, <c>/_content/…</c>) names the current version.</summary>
    public bool IsCurrent(string path, string? version) =>
        version is not null && _versions.TryGetValue(path, out var current) && string.Equals(current, version, StringComparison.Ordinal);

    /// <summary>
    /// A request below <c>/topojson/v-{version}/</c>: the file's own path (<c>/topojson/{file}</c>) and whether the
    /// version is the current one. An old version is answered with today's file, which a browser must then ask again for.
    /// </summary>
    public bool TryReadTopoJsonPath(string path, out string filePath, out bool current)
    {
        filePath = path;
        current = false;
        var prefix = "/" + TopoJsonFolder + TopoJsonVersionPrefix;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = path.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || rest[(slash + 1)..].Contains('/'))
        {
            return false;
        }
        current = _topoJsonVersion is not null && rest[..slash].SequenceEqual(_topoJsonVersion);
        filePath = "/" + TopoJsonFolder + rest[(slash + 1)..].ToString();
        return true;
    }

    private static string? Hash(IFileProvider webRoot, IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            var file = webRoot.GetFileInfo(path);
            if (!file.Exists)
            {
                return null;
            }
            using var stream = file.CreateReadStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
