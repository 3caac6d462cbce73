using System.Text.Json;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// Just enough TopoJSON decoding to check where a feature's borders run: arcs are delta-encoded and
/// quantized when the topology has a <c>transform</c> (position = cumulative sum × scale + translate),
/// and a negative arc index <c>~i</c> in a ring means arc <c>i</c> reversed.
/// </summary>
public static class TopoJson
{
    /// <summary>The distinct <c>id</c>s of the geometries in <c>objects.{objectName}</c>.</summary>
    public static IReadOnlyList<string> FeatureIds(string json, string objectName)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. Geometries(document.RootElement, objectName)
                .Where(geometry => geometry.TryGetProperty("id", out _))
                .Select(geometry => geometry.GetProperty("id").ToString())
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// All rings (outer rings and holes) of every Polygon / MultiPolygon geometry in
    /// <c>objects.{objectName}</c> whose <c>id</c> is <paramref name="featureId"/>, as lon/lat positions.
    /// A feature may consist of several geometries with the same id; their rings are all returned.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No geometry has that id.</exception>
    public static IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings(string json, string objectName, string featureId)
    {
        using var document = JsonDocument.Parse(json);
        var topology = document.RootElement;
        var arcs = DecodeArcs(topology);
        var rings = new List<IReadOnlyList<(double Lon, double Lat)>>();
        var found = false;

        foreach (var geometry in Geometries(topology, objectName))
        {
            if (!geometry.TryGetProperty("id", out var id) || id.ToString() != featureId)
            {
                continue;
            }

            found = true;
            var type = geometry.GetProperty("type").GetString();
            var arcIndexes = geometry.GetProperty("arcs");
            switch (type)
            {
                case "Polygon":
                    rings.AddRange(arcIndexes.EnumerateArray().Select(ring => Ring(arcs, ring)));
                    break;
                case "MultiPolygon":
                    rings.AddRange(arcIndexes.EnumerateArray()
                        .SelectMany(polygon => polygon.EnumerateArray())
                        .Select(ring => Ring(arcs, ring)));
                    break;
                default:
                    throw new InvalidDataException($"feature '{featureId}' in '{objectName}' has geometry type '{type}', expected Polygon or MultiPolygon");
            }
        }

        return found ? rings : throw new KeyNotFoundException($"no geometry with id '{featureId}' in objects.{objectName}");
    }

    /// <summary>
    /// Even-odd ray casting over all rings, so a point inside a hole (or inside two overlapping rings)
    /// counts as outside. Points exactly on an edge may go either way.
    /// </summary>
    public static bool Contains(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> rings, double lon, double lat)
    {
        var inside = false;
        foreach (var ring in rings)
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (xi, yi) = ring[i];
                var (xj, yj) = ring[j];
                if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static JsonElement.ArrayEnumerator Geometries(JsonElement topology, string objectName) =>
        topology.GetProperty("objects").GetProperty(objectName).GetProperty("geometries").EnumerateArray();

    private static List<(double Lon, double Lat)[]> DecodeArcs(JsonElement topology)
    {
        var quantized = topology.TryGetProperty("transform", out var transform);
        double scaleX = 1, scaleY = 1, translateX = 0, translateY = 0;
        if (quantized)
        {
            var scale = transform.GetProperty("scale");
            var translate = transform.GetProperty("translate");
            scaleX = scale[0].GetDouble();
            scaleY = scale[1].GetDouble();
            translateX = translate[0].GetDouble();
            translateY = translate[1].GetDouble();
        }

        var arcs = new List<(double Lon, double Lat)[]>();
        foreach (var arc in topology.GetProperty("arcs").EnumerateArray())
        {
            var points = new (double Lon, double Lat)[arc.GetArrayLength()];
            double x = 0, y = 0;
            var k = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (quantized)
                {
                    x += position[0].GetDouble();
                    y += position[1].GetDouble();
                    points[k++] = ((x * scaleX) + translateX, (y * scaleY) + translateY);
                }
                else
                {
                    points[k++] = (position[0].GetDouble(), position[1].GetDouble());
                }
            }
            arcs.Add(points);
        }
        return arcs;
    }

    private static List<(double Lon, double Lat)> Ring(List<(double Lon, double Lat)[]> arcs, JsonElement arcIndexes)
    {
        var ring = new List<(double Lon, double Lat)>();
        foreach (var element in arcIndexes.EnumerateArray())
        {
            var index = element.GetInt32();
            if (index >= 0)
            {
                ring.AddRange(arcs[index]);
            }
            else
            {
                var arc = arcs[~index];
                for (var k = arc.Length - 1; k >= 0; k--)
                {
                    ring.Add(arc[k]);
                }
            }
        }
        return ring;
    }
}
