namespace K8sCertOperator.Acme.Http;

/// <summary>
/// Replay-Nonce values handed out by the server and not yet used. Every response carries a fresh
/// nonce, so keeping them saves a HEAD newNonce per request. Bounded so a long-lived client does
/// not hoard nonces the server will have expired anyway; newest are used first for the same reason.
/// </summary>
public sealed class NoncePool
{
    private readonly LinkedList<string> _nonces = new();
    private readonly Lock _gate = new();
    private readonly int _capacity;

    public NoncePool(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nonces.Count;
            }
        }
    }

    /// <summary>Stores a nonce; null, empty and duplicate values are ignored.</summary>
    public void Add(string? nonce)
    {
        if (string.IsNullOrWhiteSpace(nonce))
        {
            return;
        }
        lock (_gate)
        {
            if (_nonces.Contains(nonce))
            {
                return;
            }
            _nonces.AddFirst(nonce);
            while (_nonces.Count > _capacity)
            {
                _nonces.RemoveLast();
            }
        }
    }

    /// <summary>Removes and returns the newest nonce; each nonce is handed out once.</summary>
    public bool TryTake(out string nonce)
    {
        lock (_gate)
        {
            if (_nonces.First is { } first)
            {
                _nonces.RemoveFirst();
                nonce = first.Value;
                return true;
            }
        }
        nonce = string.Empty;
        return false;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _nonces.Clear();
        }
    }
}
