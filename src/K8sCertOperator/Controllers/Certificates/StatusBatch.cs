using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// The status changes of one reconcile pass, held until the pass writes them as one update: the trigger's Issuing
/// condition, the key manager's next key and the readiness verdict used to be three writes (and three watch events
/// waking the Certificate again). Steps see their changes at once on a private copy; the pass writes them before any
/// step acts on them outside the operator (a request created for the next key, a key Secret deleted) and at its end.
/// </summary>
internal sealed class StatusBatch
{
    private readonly List<Action<Certificate, CertificateStatus>> _pending = [];
    private readonly List<Func<CancellationToken, Task>> _afterWrite = [];
    private Certificate? _working;

    public StatusBatch(Certificate stored) => Stored = stored ?? throw new ArgumentNullException(nameof(stored));

    /// <summary>The Certificate as last read or written: the base the pending changes are written on.</summary>
    public Certificate Stored { get; private set; }

    public bool IsEmpty => _pending.Count == 0 && _afterWrite.Count == 0;

    /// <summary>Applies <paramref name="mutate"/> to the working copy (never to the cached object) and keeps it for the write.</summary>
    public Certificate Apply(Action<Certificate, CertificateStatus> mutate)
    {
        ArgumentNullException.ThrowIfNull(mutate);
        _working ??= KubeJson.Clone(Stored);
        _working.Status ??= new CertificateStatus();
        mutate(_working, _working.Status);
        _pending.Add(mutate);
        return _working;
    }

    /// <summary>An action that may only run once the pending changes are stored (it relies on them surviving a restart).</summary>
    public void AfterWrite(Func<CancellationToken, Task> action) => _afterWrite.Add(action ?? throw new ArgumentNullException(nameof(action)));

    /// <summary>Every pending change in order, for the status writer (which may replay it on a fresher copy).</summary>
    public void ReplayOnto(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        certificate.Status ??= new CertificateStatus();
        foreach (var mutate in _pending)
        {
            mutate(certificate, certificate.Status);
        }
    }

    /// <summary>Starts over from what was written; returns the actions that waited for it.</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> Written(Certificate stored)
    {
        Stored = stored ?? throw new ArgumentNullException(nameof(stored));
        _working = null;
        _pending.Clear();
        var after = _afterWrite.ToList();
        _afterWrite.Clear();
        return after;
    }

    /// <summary>Drops everything: the Certificate is gone.</summary>
    public void Abandon()
    {
        _working = null;
        _pending.Clear();
        _afterWrite.Clear();
    }
}
