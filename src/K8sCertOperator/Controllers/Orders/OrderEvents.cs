using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Records an Event on an ACME object and, for what a Certificate's owner must see (failures, rate limits), on the
/// Certificate it was made for too. Progress (presented, validated, complete) stays on the ACME objects, as in
/// cert-manager; <c>status certificate</c> lists the Events of all of them.
/// </summary>
public sealed class OrderEvents
{
    private readonly OperatorContext _context;

    public OrderEvents(OperatorContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Event on <paramref name="involved"/> only.</summary>
    public Task OnObjectAsync(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, CancellationToken ct) =>
        _context.Events.RecordAsync(involved, type, reason, message, ct);

    /// <summary>Event on <paramref name="involved"/> and on its Certificate (found via owner reference or label).</summary>
    public async Task OnObjectAndCertificateAsync(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, CancellationToken ct)
    {
        await _context.Events.RecordAsync(involved, type, reason, message, ct).ConfigureAwait(false);
        var certificate = FindCertificate(involved);
        if (certificate is not null)
        {
            var prefix = involved.Kind is { Length: > 0 } kind ? $"{kind} {involved.Metadata.Name}: " : "";
            await _context.Events.RecordAsync(certificate, type, reason, prefix + message, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The Certificate behind an Order, or behind a Challenge's Order; null when unknown.</summary>
    public Certificate? FindCertificate(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var ns = obj.Metadata.NamespaceProperty;
        if (obj is Challenge && OwnerName(obj, ApiGroups.OrderKind) is { } orderName)
        {
            var order = _context.Informers.Orders.Get(new ObjectKey(ns, orderName));
            return order is null ? null : FindCertificate(order);
        }
        var name = OwnerName(obj, ApiGroups.CertificateKind)
            ?? (obj.Metadata.Labels is { } labels && labels.TryGetValue(LabelKeys.CertificateName, out var label) ? label : null);
        return name is null ? null : _context.Informers.Certificates.Get(new ObjectKey(ns, name));
    }

    /// <summary>Name of the controlling owner of <paramref name="kind"/>, if any.</summary>
    public static string? OwnerName(IKubernetesObject<V1ObjectMeta> obj, string kind) =>
        obj.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == kind && o.Controller == true)?.Name
        ?? obj.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == kind)?.Name;
}
