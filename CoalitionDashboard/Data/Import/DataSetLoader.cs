using CoalitionDashboard.Data.Entities;

namespace CoalitionDashboard.Data.Import;

/// <param name="AllowEmpty">
/// Accept a file of records holding none (<c>[]</c>): on purpose only (the verbs' <c>--allow-empty</c>); otherwise an empty
/// list is refused, as it would wipe those records. The web app's start-up import never allows it.
/// </param>
public sealed record LoadOptions(bool AllowEmpty = false);

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

    private readonly DateOnly _today;
    private readonly LoadOptions _options;
    // The file being read, named by a problem should anything unforeseen go wrong.
    private string _current = "";
    // Pledge supersession references, checked once every pledge is read: (pledge, superseded id, line).
    private readonly List<(Pledge Pledge, IdRef Superseded, string File)> _supersedes = [];

    private DataSetLoader(string directory, DateOnly today, LoadOptions options)
    {
        _directory = directory;
        _today = today;
        _options = options;
    }

    /// <summary>Reads and checks the directory. Never throws: whatever the files hold, the outcome is a data set or problems.</summary>
    /// <param name="today">The date no record may be dated after (today, in UTC, when not given).</param>
    public static DataSetLoadResult Load(string directory, DateOnly? today = null, LoadOptions? options = null)
    {
        var fullPath = Path.GetFullPath(directory);
        if (!Directory.Exists(fullPath))
        {
            return new DataSetLoadResult(null, [new DataProblem(fullPath, 0, "data directory not found")], "");
        }
        var loader = new DataSetLoader(fullPath, today ?? DateOnly.FromDateTime(DateTime.UtcNow), options ?? new LoadOptions());
        var hash = "";
        LoadedDataSet? dataSet = null;
        try
        {
            hash = DataFiles.ComputeHash(fullPath);
            dataSet = loader.Run(hash);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A last resort: a fault no check foresaw is still a problem with the file, never a crash of the app or the verb.
            loader._problems.Add(loader._current.Length > 0 ? loader._current : fullPath, 0, $"could not be checked ({ex.GetType().Name}: {ex.Message})");
        }
        return new DataSetLoadResult(loader._problems.Any ? null : dataSet, loader._problems.Items, hash);
    }

    private LoadedDataSet Run(string hash)
    {
        var info = ReadDataset(hash);
        var sources = ReadAll(DataFiles.Sources, "id", _sources, ReadSource);
        var countries = ReadAll(DataFiles.Countries, "iso3", _countries, ReadCountry);
        var organisations = ReadAll(DataFiles.Organisations, "id", _organisations, ReadOrganisation);
        var pledges = ReadAll(DataFiles.Pledges, "id", _pledges, ReadPledge);
        if (!_unreadable.Contains(DataFiles.Pledges))
        {
            CheckSupersessions(pledges);
        }
        var events = ReadAll(DataFiles.Events, "id", new Dictionary<string, TimelineEvent>(StringComparer.Ordinal), ReadEvent);
        var quotes = ReadAll(DataFiles.Quotes, "id", new Dictionary<string, Quote>(StringComparer.Ordinal), ReadQuote);
        var openIssues = ReadAll(DataFiles.OpenIssues, "id", new Dictionary<string, OpenIssue>(StringComparer.Ordinal), ReadOpenIssue);
        _current = "";
        if (info is { AsOf: var asOf } && asOf != default)
        {
            CheckCoveredBy(asOf, pledges, events, quotes);
        }
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
        _current = PathOf(DataFiles.Dataset);
        DatasetInfo? info = null;
        JsonRecordReader.ReadObject(_current, _problems, record =>
        {
            var r = new FieldReader(record, _problems);
            info = new DatasetInfo
            {
                Title = r.String("title", required: true) ?? "",
                AsOf = RequiredDay(r, "asOf"),
                ReviewedOn = RequiredDay(r, "reviewedOn"),
                SummitDate = RequiredDay(r, "summitDate"),
                Description = r.Markdown("description"),
                Coverage = r.Markdown("coverage"),
                ContentHash = hash,
            };
            if (info.ReviewedOn != default && info.AsOf != default && info.ReviewedOn < info.AsOf)
            {
                r.Problem("reviewedOn", $"'reviewedOn' ({info.ReviewedOn:yyyy-MM-dd}) is before 'asOf' ({info.AsOf:yyyy-MM-dd}): the sources cannot have been checked before the latest fact they cover");
            }
            r.ReportUnknownProperties();
        });
        return info;
    }

    private DateOnly RequiredDay(FieldReader r, string name)
    {
        var date = ReadDate(r, name, required: true);
        if (date is { Precision: not DatePrecision.Day } or { End: not null })
        {
            r.Problem(name, $"'{name}' must be a single day (YYYY-MM-DD)");
        }
        return date?.Start ?? default;
    }

    /// <summary>A date field that must not lie after today (a typo such as 2062 for 2026 must not slip through).</summary>
    private DateValue? ReadDate(FieldReader r, string name, bool required = false)
    {
        var date = r.Date(name, required);
        if (date is { } value && value.Start > _today)
        {
            r.Problem(name, $"'{name}' value '{value.Text}' is in the future (today is {_today:yyyy-MM-dd})");
        }
        return date;
    }

    /// <summary>
    /// Reads every record of one file as the file is read, rejecting duplicate keys and (unless allowed) a file with no
    /// records; records are kept in file order.
    /// </summary>
    private List<T> ReadAll<T>(string file, string keyName, Dictionary<string, T> index, Func<FieldReader, int, (string? Key, T? Entity)> read)
        where T : class
    {
        _current = PathOf(file);
        var result = new List<T>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var outcome = JsonRecordReader.ReadArray(_current, _problems, record =>
        {
            var reader = new FieldReader(record, _problems);
            (string? Key, T? Entity) parsed;
            try
            {
                parsed = read(reader, result.Count);
                reader.ReportUnknownProperties();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _problems.Add(record.File, record.Line, $"the record could not be checked ({ex.GetType().Name}: {ex.Message})");
                return;
            }
            var (key, entity) = parsed;
            if (key is null || entity is null)
            {
                return;
            }
            if (firstLines.TryGetValue(key, out var firstLine))
            {
                reader.Problem(keyName, $"duplicate {keyName} '{key}' (first defined at line {firstLine})");
                return;
            }
            firstLines[key] = reader.LineOf(keyName);
            index[key] = entity;
            result.Add(entity);
        });
        if (!outcome.Readable)
        {
            _unreadable.Add(file);
        }
        else if (outcome.Count == 0 && !_options.AllowEmpty)
        {
            _problems.Add(_current, outcome.Line, "no records; pass --allow-empty to import an empty file on purpose");
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
        var date = ReadDate(r, "date");
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
            Note = r.Markdown("note"),
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
            Notes = r.Markdown("notes"),
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
            Notes = r.Markdown("notes"),
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
        var parties = ResolvePledgeParties(r, id ?? "");
        var categories = ReadCategories(r);
        var date = ReadDate(r, "date", required: true);
        var quantity = r.Object("quantity");
        _recordLines["pledge:" + (id ?? "")] = r.Line;
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
            Parties = parties.Roles,
            Sources = ResolveSources(r),
            SortOrder = order,
        };
        quantity?.ReportUnknownProperties();
        foreach (var superseded in r.Ids("supersedes"))
        {
            _supersedes.Add((pledge, superseded, r.File));
        }
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

    /// <summary>The longest label a chart draws beside a dot: longer ones would run into their neighbours.</summary>
    public const int MaxLabelLength = 24;

    private static string? ReadLabel(FieldReader r)
    {
        var label = r.String("label");
        if (label is { Length: > MaxLabelLength })
        {
            r.Problem("label", $"'label' is too long ({label.Length} characters; a chart label holds at most {MaxLabelLength}): shorten it or leave it out");
            return null;
        }
        return label;
    }

    private (string?, TimelineEvent?) ReadEvent(FieldReader r, int order)
    {
        var id = r.Id("id");
        var date = ReadDate(r, "date", required: true);
        var parties = ResolveParties(r, required: false);
        _recordLines["event:" + (id ?? "")] = r.Line;
        var timelineEvent = new TimelineEvent
        {
            Id = id ?? "",
            Title = r.String("title", required: true) ?? "",
            Summary = r.String("summary", required: true) ?? "",
            Label = ReadLabel(r),
            Kind = r.Enum<EventKind>("kind", required: true) ?? default,
            Status = r.Enum<EventStatus>("status") ?? EventStatus.Happened,
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
        if (r.Object("roster") is { } roster)
        {
            timelineEvent.RosterCount = roster.Integer("count");
            timelineEvent.RosterNamed = roster.Bool("named", fallback: false);
            timelineEvent.RosterNote = roster.String("note", required: true);
            if (timelineEvent.RosterCount is < 0)
            {
                roster.Problem("count", "'count' must not be negative");
            }
            roster.ReportUnknownProperties();
        }
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
        var date = ReadDate(r, "date");
        _recordLines["quote:" + (id ?? "")] = r.Line;
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
            Description = r.Markdown("description", required: true) ?? "",
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

    /// <summary>A pledge's parties: objects naming a country, an organisation or COALITION, each with its role.</summary>
    private (bool Coalition, List<Country> Countries, List<Organisation> Organisations, List<PledgeParty> Roles) ResolvePledgeParties(FieldReader r, string pledgeId)
    {
        var coalition = false;
        var countries = new List<Country>();
        var organisations = new List<Organisation>();
        var roles = new List<PledgeParty>();
        var items = r.Objects("parties");
        if (items.Count == 0)
        {
            r.Problem("parties", "'parties' must list at least one party, each as { \"id\": \"FRA\", \"role\": \"party\" }");
        }
        foreach (var item in items)
        {
            var code = item.String("id", required: true);
            var role = item.Enum<PartyRole>("role", required: true);
            item.ReportUnknownProperties();
            if (code is null || role is null)
            {
                continue;
            }
            if (roles.Any(x => x.Party == code))
            {
                item.Problem("id", $"party '{code}' is listed twice");
                continue;
            }
            if (code == CoalitionCode)
            {
                // Coalition-wide only where the coalition is bound by it, not where it is merely named.
                coalition = PartyRoles.IsBound(role.Value);
            }
            else if (_countries.TryGetValue(code, out var country))
            {
                countries.Add(country);
            }
            else if (_organisations.TryGetValue(code, out var organisation))
            {
                organisations.Add(organisation);
            }
            else
            {
                if (!_unreadable.Contains(DataFiles.Countries) && !_unreadable.Contains(DataFiles.Organisations))
                {
                    item.Problem("id", $"unknown party '{code}' (not a country in {DataFiles.Countries}, an organisation in {DataFiles.Organisations}, or {CoalitionCode})");
                }
                continue;
            }
            roles.Add(new PledgeParty { PledgeId = pledgeId, Party = code, Role = role.Value, Position = roles.Count });
        }
        return (coalition, countries, organisations, roles);
    }

    /// <summary>
    /// Supersession must point at existing pledges, never at the pledge itself or at a later-dated one, and never in a
    /// cycle; and where a country gives two different forces positions on the same date, one must supersede the other
    /// (the dates cannot say which stands).
    /// </summary>
    private void CheckSupersessions(IReadOnlyList<Pledge> pledges)
    {
        foreach (var (pledge, superseded, file) in _supersedes)
        {
            if (superseded.Id == pledge.Id)
            {
                _problems.Add(file, superseded.Line, $"pledge '{pledge.Id}' cannot supersede itself");
            }
            else if (!_pledges.TryGetValue(superseded.Id, out var target))
            {
                _problems.Add(file, superseded.Line, $"'supersedes' names unknown pledge '{superseded.Id}' (not in {DataFiles.Pledges})");
            }
            else if (target.DateStart > pledge.DateStart)
            {
                _problems.Add(file, superseded.Line, $"pledge '{pledge.Id}' ({pledge.DateText}) cannot supersede '{target.Id}', which is dated later ({target.DateText})");
            }
            else
            {
                pledge.Supersedes.Add(new PledgeSupersession { PledgeId = pledge.Id, SupersededId = target.Id });
            }
        }

        var edges = pledges.ToDictionary(p => p.Id, p => p.Supersedes.Select(s => s.SupersededId).ToList(), StringComparer.Ordinal);
        var lineOf = _supersedes.GroupBy(s => s.Pledge.Id).ToDictionary(g => g.Key, g => (g.First().File, g.First().Superseded.Line), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        bool Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in edges[id])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next);
                    var (file, line) = lineOf[id];
                    _problems.Add(file, line, $"'supersedes' makes a cycle: {string.Join(" → ", cycle)}");
                    return false;
                }
                if (state.GetValueOrDefault(next) == 0 && !Visit(next))
                {
                    return false;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return true;
        }
        foreach (var pledge in pledges)
        {
            if (state.GetValueOrDefault(pledge.Id) == 0 && !Visit(pledge.Id))
            {
                return;
            }
        }

        // Same-date forces positions of one country that differ and that no supersession orders.
        var supersededBy = pledges.SelectMany(p => p.Supersedes).Select(s => (s.PledgeId, s.SupersededId)).ToHashSet();
        var positions = pledges.Where(p => p.Troops is not null)
            .SelectMany(p => p.Parties.Where(x => PartyRoles.SpeaksForForces(x.Role) && _countries.ContainsKey(x.Party)).Select(x => (Country: x.Party, Pledge: p)))
            .GroupBy(x => (x.Country, x.Pledge.DateStart));
        foreach (var group in positions)
        {
            var list = group.Select(x => x.Pledge).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Troops != b.Troops && !supersededBy.Contains((a.Id, b.Id)) && !supersededBy.Contains((b.Id, a.Id)))
                    {
                        _problems.Add(PathOf(DataFiles.Pledges), LineOfPledge(b),
                            $"pledges '{a.Id}' and '{b.Id}' give {group.Key.Country} different forces positions on the same date ({b.DateText}); say which supersedes which ('supersedes')");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Nothing on record is dated after the latest fact the data set says it covers (its <c>asOf</c>), or a view "as of
    /// the latest data" would count what its date excludes; an announced event (a meeting scheduled, not held) may be.
    /// </summary>
    private void CheckCoveredBy(DateOnly asOf, IReadOnlyList<Pledge> pledges, IReadOnlyList<TimelineEvent> events, IReadOnlyList<Quote> quotes)
    {
        var day = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var pledge in pledges.Where(p => p.DateStart > asOf))
        {
            _problems.Add(PathOf(DataFiles.Pledges), LineOfPledge(pledge), $"pledge '{pledge.Id}' is dated {pledge.DateText}, after the data set's 'asOf' ({day}) in {DataFiles.Dataset}");
        }
        foreach (var e in events.Where(e => e.DateStart > asOf && e.Status != EventStatus.Announced))
        {
            _problems.Add(PathOf(DataFiles.Events), _recordLines.GetValueOrDefault("event:" + e.Id), $"event '{e.Id}' is dated {e.DateText}, after the data set's 'asOf' ({day}) in {DataFiles.Dataset}; only an announced event may be");
        }
        foreach (var q in quotes.Where(q => q.Date > asOf))
        {
            _problems.Add(PathOf(DataFiles.Quotes), _recordLines.GetValueOrDefault("quote:" + q.Id), $"quote '{q.Id}' is dated {q.DateText}, after the data set's 'asOf' ({day}) in {DataFiles.Dataset}");
        }
    }

    // The opening line of each pledge, event and quote ("pledge:P24"), for problems found after the file was read.
    private readonly Dictionary<string, int> _recordLines = new(StringComparer.Ordinal);

    private int LineOfPledge(Pledge pledge) => _recordLines.GetValueOrDefault("pledge:" + pledge.Id);

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
