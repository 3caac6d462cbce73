using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Api;

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
        // ASP.NET Core's default encoder leaves <, >, & and quotes as they are; a value echoed in an error message (a bad
        // country code, a filter) must never come back as markup, so those are escaped (\u003C…). Letters of every
        // script stay readable.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter<Reliability>());
        options.Converters.Add(new JsonStringEnumConverter(Slug.Policy, allowIntegerValues: false));
    }
}
