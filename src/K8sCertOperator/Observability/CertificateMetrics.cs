using K8sCertOperator.Api;
using K8sCertOperator.Kube.Informers;
using Prometheus;

namespace K8sCertOperator.Observability;

/// <summary>
/// Certificate expiry, renewal and readiness as Prometheus gauges, fed from the Certificate informer on
/// every replica (so any replica's /metrics answers), with the series of a deleted Certificate removed.
/// </summary>
public sealed class CertificateMetrics : IDisposable
{
    private static readonly string[] LabelNames = ["name", "namespace", "issuer_name", "issuer_kind", "issuer_group"];

    private static readonly Gauge Expiration = Metrics.CreateGauge(
        "k8scert_certificate_expiration_timestamp_seconds", "Unix time the certificate's notAfter falls on.", LabelNames);

    private static readonly Gauge NotBefore = Metrics.CreateGauge(
        "k8scert_certificate_not_before_timestamp_seconds", "Unix time of the certificate's notBefore.", LabelNames);

    private static readonly Gauge Renewal = Metrics.CreateGauge(
        "k8scert_certificate_renewal_timestamp_seconds", "Unix time the certificate is due for renewal.", LabelNames);

    private static readonly Gauge Ready = Metrics.CreateGauge(
        "k8scert_certificate_ready_status", "1 for the Certificate's current Ready condition value, 0 for the others.",
        [.. LabelNames, "condition"]);

    private readonly IInformer<Certificate> _informer;

    private CertificateMetrics(IInformer<Certificate> informer) => _informer = informer;

    /// <summary>Subscribes to <paramref name="informer"/> and exports what its cache already holds.</summary>
    public static CertificateMetrics Attach(IInformer<Certificate> informer)
    {
        ArgumentNullException.ThrowIfNull(informer);
        var metrics = new CertificateMetrics(informer);
        informer.OnAdd += metrics.OnAdd;
        informer.OnUpdate += metrics.OnUpdate;
        informer.OnDelete += metrics.OnDelete;
        foreach (var certificate in informer.List())
        {
            metrics.OnAdd(certificate);
        }
        return metrics;
    }

    public void Dispose()
    {
        _informer.OnAdd -= OnAdd;
        _informer.OnUpdate -= OnUpdate;
        _informer.OnDelete -= OnDelete;
    }

    private void OnAdd(Certificate certificate) => Export(CertificateMetricSample.From(certificate));

    private void OnUpdate(Certificate oldCertificate, Certificate newCertificate)
    {
        var before = CertificateMetricSample.From(oldCertificate);
        var after = CertificateMetricSample.From(newCertificate);
        if (!before.Labels.SequenceEqual(after.Labels, StringComparer.Ordinal))
        {
            // The issuerRef changed: the old label set would otherwise linger forever.
            Remove(before);
        }
        Export(after);
    }

    private void OnDelete(Certificate certificate) => Remove(CertificateMetricSample.From(certificate));

    private static void Export(CertificateMetricSample sample)
    {
        var labels = sample.Labels;
        SetOrRemove(Expiration, labels, sample.ExpirationSeconds);
        SetOrRemove(NotBefore, labels, sample.NotBeforeSeconds);
        SetOrRemove(Renewal, labels, sample.RenewalSeconds);
        foreach (var value in CertificateMetricSample.ReadyValues)
        {
            Ready.WithLabels([.. labels, value]).Set(value == sample.ReadyCondition ? 1 : 0);
        }
    }

    private static void Remove(CertificateMetricSample sample)
    {
        var labels = sample.Labels;
        Expiration.RemoveLabelled(labels);
        NotBefore.RemoveLabelled(labels);
        Renewal.RemoveLabelled(labels);
        foreach (var value in CertificateMetricSample.ReadyValues)
        {
            Ready.RemoveLabelled([.. labels, value]);
        }
    }

    private static void SetOrRemove(Gauge gauge, string[] labels, double? value)
    {
        if (value is { } v)
        {
            gauge.WithLabels(labels).Set(v);
        }
        else
        {
            gauge.RemoveLabelled(labels);
        }
    }
}
