using System.Globalization;
using k8s.Models;
using K8sCertOperator.Kube.LeaderElection;

namespace K8sCertOperator.Tests.Kube.LeaderElection;

/// <summary>
/// One Lease shared by every candidate, with the optimistic concurrency a Lease object has: a replace only
/// succeeds against the resourceVersion it read, a create only when there is no Lease.
/// </summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly object _gate = new();
    private V1Lease? _lease;
    private long _version;

    /// <summary>When set, every call fails with this (API server unreachable).</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, every call hangs until its token is cancelled (API server stopped answering).</summary>
    public bool Hang { get; set; }

    public string Description => "in-memory/lease";

    public string? Holder => Spec?.HolderIdentity;

    /// <summary>A copy of the stored spec, or null when there is no Lease.</summary>
    public V1LeaseSpec? Spec
    {
        get
        {
            lock (_gate)
            {
                return _lease is null ? null : Copy(_lease.Spec);
            }
        }
    }

    /// <summary>Another identity takes the lease (as if the leader's renewals had been lost).</summary>
    public void Steal(string thief)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            var transitions = _lease?.Spec.LeaseTransitions ?? 0;
            Store(new V1LeaseSpec
            {
                HolderIdentity = thief,
                LeaseDurationSeconds = 1,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = transitions + 1,
            });
        }
    }

    public async Task<V1Lease?> GetAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        lock (_gate)
        {
            return _lease is null ? null : CopyLease(_lease);
        }
    }

    public async Task<LeaseWrite> CreateAsync(V1LeaseSpec spec, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        lock (_gate)
        {
            return _lease is not null ? LeaseWrite.Conflict : LeaseWrite.Written(CopyLease(Store(spec)));
        }
    }

    public async Task<LeaseWrite> ReplaceAsync(V1Lease current, V1LeaseSpec spec, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        lock (_gate)
        {
            if (_lease is null || _lease.Metadata.ResourceVersion != current.Metadata.ResourceVersion)
            {
                return LeaseWrite.Conflict;
            }

            return LeaseWrite.Written(CopyLease(Store(spec)));
        }
    }

    private V1Lease Store(V1LeaseSpec spec)
    {
        _lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "lease", ResourceVersion = (++_version).ToString(CultureInfo.InvariantCulture) },
            Spec = Copy(spec),
        };
        return _lease;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        await Task.Yield();
    }

    private static V1Lease CopyLease(V1Lease lease) => new()
    {
        Metadata = new V1ObjectMeta { Name = lease.Metadata.Name, ResourceVersion = lease.Metadata.ResourceVersion },
        Spec = Copy(lease.Spec),
    };

    private static V1LeaseSpec Copy(V1LeaseSpec spec) => new()
    {
        HolderIdentity = spec.HolderIdentity,
        LeaseDurationSeconds = spec.LeaseDurationSeconds,
        AcquireTime = spec.AcquireTime,
        RenewTime = spec.RenewTime,
        LeaseTransitions = spec.LeaseTransitions,
    };
}
