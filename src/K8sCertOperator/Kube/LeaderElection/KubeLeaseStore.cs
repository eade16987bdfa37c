using k8s.Models;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// <see cref="ILeaseStore"/> over a coordination.k8s.io/v1 Lease (get, create, update). Maps 409 and a Lease
/// deleted under us to <see cref="LeaseWrite.Conflict"/>; every other API error propagates.
/// </summary>
public sealed class KubeLeaseStore : ILeaseStore
{
    private readonly IResourceApi<V1Lease> _leases;
    private readonly string _namespace;
    private readonly string _name;

    public KubeLeaseStore(IResourceApi<V1Lease> leases, string @namespace, string name)
    {
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _namespace = @namespace;
        _name = name;
    }

    public string Description => $"{_namespace}/{_name}";

    public Task<V1Lease?> GetAsync(CancellationToken cancellationToken) => _leases.GetAsync(_namespace, _name, cancellationToken);

    public async Task<LeaseWrite> CreateAsync(V1LeaseSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lease = new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = new V1ObjectMeta { Name = _name, NamespaceProperty = _namespace },
            Spec = spec,
        };
        try
        {
            return LeaseWrite.Written(await _leases.CreateAsync(lease, cancellationToken).ConfigureAwait(false));
        }
        catch (KubeApiException e) when (e.Kind is KubeApiErrorKind.AlreadyExists or KubeApiErrorKind.Conflict)
        {
            return LeaseWrite.Conflict;
        }
    }

    public async Task<LeaseWrite> ReplaceAsync(V1Lease current, V1LeaseSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(spec);
        // Metadata as read carries the resourceVersion the API server checks; labels and annotations are kept.
        var lease = new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = current.Metadata,
            Spec = spec,
        };
        try
        {
            return LeaseWrite.Written(await _leases.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false));
        }
        catch (KubeApiException e) when (e.Kind is KubeApiErrorKind.Conflict or KubeApiErrorKind.NotFound)
        {
            return LeaseWrite.Conflict;
        }
    }
}
