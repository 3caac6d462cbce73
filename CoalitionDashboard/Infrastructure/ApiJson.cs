using System.Text.Json;
using System.Text.Json.Serialization;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.Infrastructure;

/// <summary>JSON conventions of the read-only API: camelCase names, vocabulary values as their data-file slugs.</summary>
public static class ApiJson
{
    public static readonly Lazy<JsonSerializerOptions> Options = new(() =>
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    });

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter<Reliability>());
        options.Converters.Add(new JsonStringEnumConverter(Slug.Policy, allowIntegerValues: false));
    }
}
