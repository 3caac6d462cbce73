using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Briefings;

public partial class DeckPage
{
    private DeckViewModel? _view;
    private string? _viewKey;
    private int _current = 1;
    private bool _presenter;
    private DateTime _opened = DateTime.UtcNow;
    private double _notesScale = 1;
    private const double MinNotesScale = 0.75;
    private const double MaxNotesScale = 2.5;
    private IJSObjectReference? _module;
    private DotNetObjectReference<DeckPage>? _self;
    private Timer? _clock;
    private int _announced;
    private string _querySuffix = "";
    private bool _printCopies;

    [Parameter]
    public required string Slug { get; set; }

    // Read as text: Blazor's own int binding throws on "abc" or "1e5" (a 500, and a dead circuit); a bad value is
    // reported on the slide and the first (or nearest) slide shown.
    [SupplyParameterFromQuery(Name = "slide")]
    public string? SlideNumber { get; set; }

    private string? _slideError;

    [SupplyParameterFromQuery(Name = "presenter")]
    public string? Presenter { get; set; }

    // Time since the presenter view opened (or the timer was restarted): m:ss, or h:mm:ss past the hour.
    private string Elapsed
    {
        get
        {
            var elapsed = DateTime.UtcNow - _opened;
            return elapsed.ToString(elapsed.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private void RestartTimer() => _opened = DateTime.UtcNow;

    private void ScaleNotes(int step) => _notesScale = Math.Clamp(Math.Round(_notesScale + step * 0.25, 2), MinNotesScale, MaxNotesScale);

    protected override async Task OnParametersSetAsync()
    {
        if (await Decks.ResolveAsync(Slug, Navigation.Uri) is not { } resolved)
        {
            Navigation.NotFound();
            return;
        }
        _presenter = Presenter is not null;
        _querySuffix = resolved.QuerySuffix;
        if (resolved.Key != _viewKey)
        {
            _viewKey = resolved.Key;
            _view = await Builder.BuildAsync(resolved.Deck, resolved.Context);
        }
        _slideError = null;
        var requested = 1;
        if (!string.IsNullOrWhiteSpace(SlideNumber) && !int.TryParse(SlideNumber.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out requested))
        {
            // Digits too many for a number are a slide past the end; anything else is not a slide number.
            requested = SlideNumber.Trim().All(char.IsAsciiDigit) ? int.MaxValue : 1;
            _slideError = requested == 1 ? $"'{Shorten(SlideNumber)}' is not a slide number; showing slide 1." : null;
        }
        if (requested > _view!.Count || requested < 1)
        {
            _slideError = $"This deck has {_view.Count} slides; showing slide {Math.Clamp(requested, 1, _view.Count)}.";
        }
        _current = Math.Clamp(requested, 1, _view.Count);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/deck.js");
            await _module.InvokeVoidAsync("init", _self, Slug, _presenter);
            if (_presenter)
            {
                _clock = new Timer(_ => InvokeAsync(StateHasChanged), null, 1000, 1000);
            }
        }
        if (_module is null)
        {
            return;
        }
        // Every render may change what is on the stage: fit it again (cheap: a few layout reads per slide).
        await _module.InvokeVoidAsync("fit");
        if (_announced != _current)
        {
            _announced = _current;
            await _module.InvokeVoidAsync("announce", _current);
        }
    }

    [JSInvokable]
    public Task Move(string action)
    {
        var target = action switch
        {
            "next" => _current + 1,
            "previous" => _current - 1,
            "first" => 1,
            "last" => _view?.Count ?? 1,
            _ => _current,
        };
        return MoveAsync(target);
    }

    /// <summary>Called by deck.js when the browser is idle (or at Ctrl+P): render every slide for printing.</summary>
    [JSInvokable]
    public void PreparePrint()
    {
        if (!_printCopies && !_presenter)
        {
            _printCopies = true;
            StateHasChanged();
        }
    }

    [JSInvokable]
    public Task Follow(int slide) => slide == _current ? Task.CompletedTask : MoveAsync(slide);

    // The deck is an island on a page rendered on the server: a move shows the slide at once and puts it in the URL
    // (history.pushState) without fetching the page again; back and forward fetch the page for that slide.
    private async Task MoveAsync(int target)
    {
        target = Math.Clamp(target, 1, _view?.Count ?? 1);
        if (target != _current && _module is not null)
        {
            _current = target;
            _slideError = null;
            StateHasChanged();
            await _module.InvokeVoidAsync("show", Navigation.GetUriWithQueryParameter("slide", target), $"{_view?.Deck.Meta.Title ?? "Briefing"} · slide {target}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _clock?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The window is gone.
            }
        }
        _self?.Dispose();
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
