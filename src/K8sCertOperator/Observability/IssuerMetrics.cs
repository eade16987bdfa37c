using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Informers;
using Prometheus;

namespace K8sCertOperator.Observability;

/// <summary>Issuer and ClusterIssuer readiness as <c>k8scert_issuer_ready_status</c>, fed from their informers.</summary>
public sealed class IssuerMetrics : IDisposable
{
    private static readonly Gauge Ready = Metrics.CreateGauge(
        "k8scert_issuer_ready_status", "1 for the issuer's current Ready condition value, 0 for the others.",
        "name", "namespace", "kind", "condition");

    private readonly List<Action> _detach = [];

    /// <summary>Subscribes to both issuer informers; ClusterIssuers export an empty namespace label.</summary>
    public static IssuerMetrics Attach(IInformer<Issuer> issuers, IInformer<ClusterIssuer> clusterIssuers)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        ArgumentNullException.ThrowIfNull(clusterIssuers);
        var metrics = new IssuerMetrics();
        metrics.Subscribe(issuers, ApiGroups.IssuerKind);
        metrics.Subscribe(clusterIssuers, ApiGroups.ClusterIssuerKind);
        return metrics;
    }

    public void Dispose()
    {
        foreach (var detach in _detach)
        {
            detach();
        }
        _detach.Clear();
    }

    private void Subscribe<T>(IInformer<T> informer, string kind)
        where T : class, IKubernetesObject<V1ObjectMeta>, IGenericIssuer
    {
        void Add(T issuer) => Export(issuer, kind);
        void Update(T oldIssuer, T newIssuer) => Export(newIssuer, kind);
        void Delete(T issuer) => Remove(issuer, kind);
        informer.OnAdd += Add;
        informer.OnUpdate += Update;
        informer.OnDelete += Delete;
        _detach.Add(() =>
        {
            informer.OnAdd -= Add;
            informer.OnUpdate -= Update;
            informer.OnDelete -= Delete;
        });
        foreach (var issuer in informer.List())
        {
            Add(issuer);
        }
    }

    private static void Export<T>(T issuer, string kind)
        where T : class, IKubernetesObject<V1ObjectMeta>, IGenericIssuer
    {
        var ready = ConditionSet.Find(issuer.Status?.Conditions, ConditionTypes.Ready)?.Status;
        var current = ready is ConditionStatus.True or ConditionStatus.False ? ready : ConditionStatus.Unknown;
        foreach (var value in CertificateMetricSample.ReadyValues)
        {
            Ready.WithLabels(issuer.Metadata.Name ?? "", issuer.Metadata.NamespaceProperty ?? "", kind, value).Set(value == current ? 1 : 0);
        }
    }

    private static void Remove<T>(T issuer, string kind)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        foreach (var value in CertificateMetricSample.ReadyValues)
        {
            Ready.RemoveLabelled(issuer.Metadata.Name ?? "", issuer.Metadata.NamespaceProperty ?? "", kind, value);
        }
    }
}
