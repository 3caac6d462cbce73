namespace CoalitionDashboard.Components.Shared;

/// <summary>
/// Which <see cref="PopoverHost"/> renders the circuit's one popover provider (a scoped service: one per circuit).
/// When the owner goes (the filter panel closes), the longest-waiting host takes over.
/// </summary>
public sealed class PopoverHostClaim
{
    private readonly List<PopoverHost> _waiting = [];
    private PopoverHost? _owner;

    public bool TryTake(PopoverHost host)
    {
        if (_owner is not null)
        {
            _waiting.Add(host);
            return false;
        }
        _owner = host;
        return true;
    }

    public void Release(PopoverHost host)
    {
        _waiting.Remove(host);
        if (!ReferenceEquals(_owner, host))
        {
            return;
        }
        _owner = null;
        if (_waiting.Count > 0)
        {
            var next = _waiting[0];
            _waiting.RemoveAt(0);
            _owner = next;
            next.TakeOver();
        }
    }
}
