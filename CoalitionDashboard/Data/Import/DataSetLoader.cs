using CoalitionDashboard.Data.Entities;

namespace CoalitionDashboard.Data.Import;

/// <summary>
/// Parses and validates a data directory: types, vocabularies, dates, unknown or duplicate ids, dangling
/// references and unsourced records. Nothing is written anywhere; the result is either a complete linked
/// data set or the full list of problems.
/// </summary>
public sealed class DataSetLoader
{
    public const string CoalitionCode = "COALITION";

    private readonly string _directory;
    private readonly ProblemList _problems = new();
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Organisation> _organisations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pledge> _pledges = new(StringComparer.Ordinal);
    // Files that could not be read at all: references into them are not reported again, one by one.
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    private DataSetLoader(string directory) => _directory = directory;

    public static DataSetLoadResult Load(string directory)
    {
        var fullPath = Path.GetFullPath(directory);
        if (!Directory.Exists(fullPath))
        {
            return new DataSetLoadResult(null, [new DataProblem(fullPath, 0, "data directory not found")], "");
        }
        var hash = DataFiles.ComputeHash(fullPath);
        var loader = new DataSetLoader(fullPath);
        var dataSet = loader.Run(hash);
        return new DataSetLoadResult(loader._problems.Any ? null : dataSet, loader._problems.Items, hash);
    }

    private LoadedDataSet Run(string hash)
    {
        var info = ReadDataset(hash);
        var sources = ReadAll(DataFiles.Sources, "id", _sources, ReadSource);
        var countries = ReadAll(DataFiles.Countries, "iso3", _countries, ReadCountry);
        var organisations = ReadAll(DataFiles.Organisations, "id", _organisations, ReadOrganisation);
        var pledges = ReadAll(DataFiles.Pledges, "id", _pledges, ReadPledge);
        var events = ReadAll(DataFiles.Events, "id", new Dictionary<string, TimelineEvent>(StringComparer.Ordinal), ReadEvent);
        var quotes = ReadAll(DataFiles.Quotes, "id", new Dictionary<string, Quote>(StringComparer.Ordinal), ReadQuote);
        var openIssues = ReadAll(DataFiles.OpenIssues, "id", new Dictionary<string, OpenIssue>(StringComparer.Ordinal), ReadOpenIssue);
        return new LoadedDataSet
        {
            Info = info ?? new DatasetInfo { Title = "", ContentHash = hash },
            Sources = sources,
            Countries = countries,
            Organisations = organisations,
            Pledges = pledges,
            Events = events,
            Quotes = quotes,
            OpenIssues = openIssues,
        };
    }

    private string PathOf(string file) => Path.Combine(_directory, file);

    private DatasetInfo? ReadDataset(string hash)
    {
        var record = JsonRecordReader.ReadObject(PathOf(DataFiles.Dataset), _problems);
        if (record is null)
        {
            return null;
        }
        var r = new FieldReader(record, _problems);
        var info = new DatasetInfo
        {
            Title = r.String("title", required: true) ?? "",
            AsOf = RequiredDay(r, "asOf"),
            SummitDate = RequiredDay(r, "summitDate"),
            Description = r.String("description"),
            ContentHash = hash,
        };
        r.ReportUnknownProperties();
        return info;
    }

    private static DateOnly RequiredDay(FieldReader r, string name)
    {
        var date = r.Date(name, required: true);
        if (date is { Precision: not DatePrecision.Day } or { End: not null })
        {
            r.Problem(name, $"'{name}' must be a single day (YYYY-MM-DD)");
        }
        return date?.Start ?? default;
    }

    /// <summary>Reads every record of one file, rejecting duplicate keys; records are kept in file order.</summary>
    private List<T> ReadAll<T>(string file, string keyName, Dictionary<string, T> index, Func<FieldReader, int, (string? Key, T? Entity)> read)
        where T : class
    {
        var records = JsonRecordReader.ReadArray(PathOf(file), _problems);
        if (records is null)
        {
            _unreadable.Add(file);
        }
        var result = new List<T>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records ?? [])
        {
            var reader = new FieldReader(record, _problems);
            var (key, entity) = read(reader, result.Count);
            reader.ReportUnknownProperties();
            if (key is null || entity is null)
            {
                continue;
            }
            if (firstLines.TryGetValue(key, out var firstLine))
            {
                reader.Problem(keyName, $"duplicate {keyName} '{key}' (first defined at line {firstLine})");
                continue;
            }
            firstLines[key] = reader.LineOf(keyName);
            index[key] = entity;
            result.Add(entity);
        }
        return result;
    }

    private (string?, Source?) ReadSource(FieldReader r, int order)
    {
        var id = r.Id("id");
        var url = r.String("url");
        var seedFile = r.String("seedFile");
        if (url is null == seedFile is null)
        {
            r.Problem("url", "a source needs exactly one of 'url' (a web page) or 'seedFile' (the seed article)");
        }
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            r.Problem("url", $"'url' value '{url}' is not an absolute http or https address");
        }
        var reliability = r.Enum<Reliability>("reliability", required: true);
        var date = r.Date("date");
        var source = new Source
        {
            Id = id ?? "",
            Outlet = r.String("outlet", required: true) ?? "",
            Title = r.String("title"),
            Date = date?.Start,
            DateText = date?.Text,
            Url = url,
            SeedFile = seedFile,
            Reliability = reliability ?? default,
            Language = r.String("language"),
            Note = r.String("note"),
            SortOrder = order,
        };
        return (id, source);
    }

    private (string?, Country?) ReadCountry(FieldReader r, int order)
    {
        var iso3 = r.String("iso3", required: true);
        if (iso3 is not null && (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper)))
        {
            r.Problem("iso3", $"'iso3' value '{iso3}' is not an ISO 3166-1 alpha-3 code (three capital letters)");
            iso3 = null;
        }
        var country = new Country
        {
            Iso3 = iso3 ?? "",
            Name = r.String("name", required: true) ?? "",
            IsEu = r.Bool("eu"),
            IsNato = r.Bool("nato"),
            IsG7 = r.Bool("g7"),
            Role = r.Enum<CoalitionRole>("role", required: true) ?? default,
            Attendance = r.Enum<Attendance>("attendance"),
            AttendanceNote = r.String("attendanceNote"),
            Notes = r.String("notes"),
            Contested = r.String("contested"),
            SortOrder = order,
            Representatives = ReadRepresentatives(r),
            Sources = ResolveSources(r),
        };
        return (iso3, country);
    }

    private (string?, Organisation?) ReadOrganisation(FieldReader r, int order)
    {
        var id = r.Id("id");
        var organisation = new Organisation
        {
            Id = id ?? "",
            Name = r.String("name", required: true) ?? "",
            Attended = r.Bool("attended"),
            Notes = r.String("notes"),
            SortOrder = order,
            Representatives = ReadRepresentatives(r),
            Sources = ResolveSources(r),
        };
        return (id, organisation);
    }

    private static List<Representative> ReadRepresentatives(FieldReader r) =>
        r.Objects("representatives").Select((rep, index) =>
        {
            var representative = new Representative
            {
                Name = rep.String("name"),
                NameConfirmed = rep.Bool("nameConfirmed", fallback: true),
                Office = rep.String("office"),
                Level = rep.Enum<RepresentativeLevel>("level", required: true) ?? default,
                Format = rep.Enum<AttendanceFormat>("format"),
                Note = rep.String("note"),
                SortOrder = index,
            };
            rep.ReportUnknownProperties();
            return representative;
        }).ToList();

    private (string?, Pledge?) ReadPledge(FieldReader r, int order)
    {
        var id = r.Id("id");
        var parties = ResolveParties(r, required: true);
        var categories = ReadCategories(r);
        var date = r.Date("date", required: true);
        var quantity = r.Object("quantity");
        var pledge = new Pledge
        {
            Id = id ?? "",
            Title = r.String("title", required: true) ?? "",
            Description = r.String("description", required: true) ?? "",
            Condition = r.String("condition"),
            Status = r.Enum<PledgeStatus>("status", required: true) ?? default,
            StatusNote = r.String("statusNote"),
            Troops = r.Enum<TroopsPosition>("troops"),
            MainCategory = categories.FirstOrDefault(),
            Categories = categories.Select((c, i) => new PledgeCategoryLink { PledgeId = id ?? "", Category = c, Position = i }).ToList(),
            QuantityText = quantity?.String("text", required: true),
            QuantityValue = quantity?.Number("value"),
            QuantityUnit = quantity?.String("unit"),
            DateStart = date?.Start ?? default,
            DateEnd = date?.End,
            DatePrecision = date?.Precision ?? default,
            DateText = date?.Text ?? "",
            DateNote = r.String("dateNote"),
            Speaker = r.String("speaker"),
            Contested = r.String("contested"),
            IsCoalitionWide = parties.Coalition,
            Countries = parties.Countries,
            Organisations = parties.Organisations,
            Sources = ResolveSources(r),
            SortOrder = order,
        };
        quantity?.ReportUnknownProperties();
        return (id, pledge);
    }

    private static List<PledgeCategory> ReadCategories(FieldReader r)
    {
        var categories = new List<PledgeCategory>();
        foreach (var item in r.Ids("categories", required: true))
        {
            if (Slug.TryParse<PledgeCategory>(item.Id, out var category))
            {
                categories.Add(category);
            }
            else
            {
                r.ProblemAt(item.Line, $"category '{item.Id}' is not one of: {string.Join(", ", Slug.All<PledgeCategory>())}");
            }
        }
        return categories;
    }

    private (string?, TimelineEvent?) ReadEvent(FieldReader r, int order)
    {
        var id = r.Id("id");
        var date = r.Date("date", required: true);
        var parties = ResolveParties(r, required: false);
        var timelineEvent = new TimelineEvent
        {
            Id = id ?? "",
            Title = r.String("title", required: true) ?? "",
            Summary = r.String("summary", required: true) ?? "",
            Kind = r.Enum<EventKind>("kind", required: true) ?? default,
            DateStart = date?.Start ?? default,
            DateEnd = date?.End,
            DatePrecision = date?.Precision ?? default,
            DateText = date?.Text ?? "",
            PartiesNote = r.String("partiesNote"),
            Contested = r.String("contested"),
            IncludesCoalition = parties.Coalition,
            Countries = parties.Countries,
            Organisations = parties.Organisations,
            Sources = ResolveSources(r),
            SortOrder = order,
        };
        return (id, timelineEvent);
    }

    private (string?, Quote?) ReadQuote(FieldReader r, int order)
    {
        var id = r.Id("id");
        var countryCode = r.String("country");
        if (countryCode is not null && !_countries.ContainsKey(countryCode) && !_unreadable.Contains(DataFiles.Countries))
        {
            r.Problem("country", $"unknown country '{countryCode}' (not in {DataFiles.Countries})");
        }
        var organisationId = r.String("organisation");
        if (organisationId is not null && !_organisations.ContainsKey(organisationId) && !_unreadable.Contains(DataFiles.Organisations))
        {
            r.Problem("organisation", $"unknown organisation '{organisationId}' (not in {DataFiles.Organisations})");
        }
        var date = r.Date("date");
        var quote = new Quote
        {
            Id = id ?? "",
            Speaker = r.String("speaker", required: true) ?? "",
            Office = r.String("office"),
            CountryIso3 = countryCode,
            OrganisationId = organisationId,
            Date = date?.Start,
            DateText = date?.Text,
            Text = r.String("text", required: true) ?? "",
            Original = r.String("original"),
            Translated = r.Bool("translated", fallback: false),
            Direct = r.Bool("direct"),
            Context = r.String("context"),
            Topic = r.String("topic", required: true) ?? "",
            Attribution = r.String("attribution"),
            Sources = ResolveSources(r),
            SortOrder = order,
        };
        return (id, quote);
    }

    private (string?, OpenIssue?) ReadOpenIssue(FieldReader r, int order)
    {
        var id = r.Id("id");
        var parties = ResolveParties(r, required: false);
        var pledges = new List<Pledge>();
        foreach (var item in r.Ids("pledges"))
        {
            if (_pledges.TryGetValue(item.Id, out var pledge))
            {
                pledges.Add(pledge);
            }
            else if (!_unreadable.Contains(DataFiles.Pledges))
            {
                r.ProblemAt(item.Line, $"unknown pledge '{item.Id}' (not in {DataFiles.Pledges})");
            }
        }
        var issue = new OpenIssue
        {
            Id = id ?? "",
            Order = r.Integer("order", required: true) ?? order + 1,
            Title = r.String("title", required: true) ?? "",
            Description = r.String("description", required: true) ?? "",
            Countries = parties.Countries,
            Organisations = parties.Organisations,
            Pledges = pledges,
            Sources = ResolveSources(r),
        };
        return (id, issue);
    }

    private List<Source> ResolveSources(FieldReader r)
    {
        var sources = new List<Source>();
        foreach (var item in r.Ids("sources", required: true))
        {
            if (_sources.TryGetValue(item.Id, out var source))
            {
                sources.Add(source);
            }
            else if (!_unreadable.Contains(DataFiles.Sources))
            {
                r.ProblemAt(item.Line, $"unknown source '{item.Id}' (not in {DataFiles.Sources})");
            }
        }
        return sources;
    }

    private (bool Coalition, List<Country> Countries, List<Organisation> Organisations) ResolveParties(FieldReader r, bool required)
    {
        var coalition = false;
        var countries = new List<Country>();
        var organisations = new List<Organisation>();
        foreach (var item in r.Ids("parties", required))
        {
            if (item.Id == CoalitionCode)
            {
                coalition = true;
            }
            else if (_countries.TryGetValue(item.Id, out var country))
            {
                countries.Add(country);
            }
            else if (_organisations.TryGetValue(item.Id, out var organisation))
            {
                organisations.Add(organisation);
            }
            else if (!_unreadable.Contains(DataFiles.Countries) && !_unreadable.Contains(DataFiles.Organisations))
            {
                r.ProblemAt(item.Line, $"unknown party '{item.Id}' (not a country in {DataFiles.Countries}, an organisation in {DataFiles.Organisations}, or {CoalitionCode})");
            }
        }
        return (coalition, countries, organisations);
    }
}
