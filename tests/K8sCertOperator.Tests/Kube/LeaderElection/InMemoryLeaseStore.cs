using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;

namespace K8sCertOperator.Tests.Kube.LeaderElection;

/// <summary>
/// One lease shared by several in-memory <see cref="ILock"/>s, with the same optimistic concurrency a Lease
/// object has: an update only succeeds against the version its lock last read.
/// </summary>
public sealed class InMemoryLeaseStore
{
    private readonly object _gate = new();
    private LeaderElectionRecord? _record;
    private long _version;

    /// <summary>When set, every lock call fails with this (API server unreachable).</summary>
    public Exception? Failure { get; set; }

    public string? Holder
    {
        get
        {
            lock (_gate)
            {
                return _record?.HolderIdentity;
            }
        }
    }

    public ILock LockFor(string identity) => new Lock(this, identity);

    /// <summary>Another identity takes the lease (as if the leader's renewals had been lost).</summary>
    public void Steal(string thief)
    {
        lock (_gate)
        {
            _record = new LeaderElectionRecord
            {
                HolderIdentity = thief,
                LeaseDurationSeconds = 1,
                AcquireTime = DateTime.UtcNow,
                RenewTime = DateTime.UtcNow,
            };
            _version++;
        }
    }

    private static LeaderElectionRecord Copy(LeaderElectionRecord r) => new()
    {
        HolderIdentity = r.HolderIdentity,
        LeaseDurationSeconds = r.LeaseDurationSeconds,
        AcquireTime = r.AcquireTime,
        RenewTime = r.RenewTime,
        LeaderTransitions = r.LeaderTransitions,
    };

    private sealed class Lock(InMemoryLeaseStore store, string identity) : ILock
    {
        private long _seenVersion = -1;

        public string Identity => identity;

        public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
        {
            lock (store._gate)
            {
                ThrowIfFailing();
                if (store._record is null)
                {
                    using var response = new HttpResponseMessage(HttpStatusCode.NotFound);
                    throw new HttpOperationException("not found") { Response = new HttpResponseMessageWrapper(response, "{}") };
                }

                _seenVersion = store._version;
                return Task.FromResult(Copy(store._record));
            }
        }

        public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
        {
            lock (store._gate)
            {
                ThrowIfFailing();
                if (store._record is not null)
                {
                    return Task.FromResult(false);
                }

                store._record = Copy(record);
                _seenVersion = ++store._version;
                return Task.FromResult(true);
            }
        }

        public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
        {
            lock (store._gate)
            {
                ThrowIfFailing();
                if (store._version != _seenVersion)
                {
                    return Task.FromResult(false);
                }

                store._record = Copy(record);
                _seenVersion = ++store._version;
                return Task.FromResult(true);
            }
        }

        public string Describe() => "in-memory/lease";

        private void ThrowIfFailing()
        {
            if (store.Failure is { } f)
            {
                throw f;
            }
        }
    }
}
