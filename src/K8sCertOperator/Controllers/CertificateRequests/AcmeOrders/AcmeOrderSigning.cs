using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;

/// <summary>
/// Signs a CertificateRequest with an ACME issuer through one Order of the same name: creates it, then reports its
/// outcome (the chain once valid, a failure once it is invalid or errored). The Order controller does the ACME work;
/// its status changes wake the signer, so waiting here needs no timer. A request cert-manager left in flight keeps the
/// Order cert-manager made for it (named <c>&lt;request&gt;-&lt;hash&gt;</c>, controlled by the request): it is resumed, not re-ordered.
/// </summary>
public sealed class AcmeOrderSigning
{
    private readonly OperatorContext _context;

    public AcmeOrderSigning(OperatorContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    public async Task<SigningOutcome> SignAsync(CertificateRequest request, IGenericIssuer issuer, SigningInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(input);
        var name = request.Metadata.Name;
        var order = OrderForRequest.Find(_context.Informers.Orders, request);
        if (order is not null && !BelongsTo(order, request, input.Csr))
        {
            // Left from an earlier request of the same name for another key: it cannot sign this one.
            await _context.Apis.Orders.DeleteAsync(order.Metadata.NamespaceProperty, order.Metadata.Name, cancellationToken).ConfigureAwait(false);
            order = null;
        }

        if (order is null)
        {
            await CreateAsync(request, issuer, input, cancellationToken).ConfigureAwait(false);
            return SigningOutcome.WaitForOrder(name);
        }

        var status = order.Status;
        if (status?.State == AcmeStates.Valid && status.Certificate is { Length: > 0 } chain)
        {
            var chainPem = Encoding.ASCII.GetString(chain);
            return new SigningOutcome(new IssuedMaterial(chainPem, CaCertificateSelector.Select(IssuerType.Acme, chainPem, null)), null, null);
        }

        if (AcmeStates.IsFailure(status?.State))
        {
            return SigningOutcome.Fail($"Order {order.Metadata.Name} is {status!.State}" + (string.IsNullOrEmpty(status.Reason) ? "" : $": {status.Reason}"));
        }

        return SigningOutcome.WaitForOrder(order.Metadata.Name);
    }

    private async Task CreateAsync(CertificateRequest request, IGenericIssuer issuer, SigningInput input, CancellationToken cancellationToken)
    {
        // The cache may still show a request that was just replaced or pruned; an Order for it would be an orphan.
        var live = await _context.Apis.CertificateRequests.GetAsync(request.Metadata.NamespaceProperty, request.Metadata.Name, cancellationToken).ConfigureAwait(false);
        if (live?.Metadata.Uid != request.Metadata.Uid || live.Metadata.DeletionTimestamp is not null)
        {
            return;
        }

        // The Certificate's profile annotation, carried onto its request, overrides the issuer's.
        var order = OrderForRequest.Build(request, input.Csr, Orders.AcmeProfileSelection.Resolve(request.Metadata.Annotations?.AsReadOnly(), issuer.Spec.Acme?.Profile));
        try
        {
            await _context.Apis.Orders.CreateAsync(order, cancellationToken).ConfigureAwait(false);
            await _context.Events.RecordAsync(request, EventTypes.Normal, "OrderCreated", $"Created Order {order.Metadata.Name}", cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
        {
            // Created by an earlier pass the cache has not shown yet; its events bring the signer back.
        }
    }

    /// <summary>
    /// An Order this request created, or one an earlier version of the operator created for the Certificate with the
    /// same key (an upgrade mid-issuance resumes it rather than ordering twice).
    /// </summary>
    private static bool BelongsTo(Order order, CertificateRequest request, ParsedCertificateRequest csr)
    {
        if (order.Metadata.OwnerReferences?.Any(o => o.Uid == request.Metadata.Uid) == true)
        {
            return true;
        }

        try
        {
            var ordered = CsrParser.ParseDer(order.Spec.Request);
            return ordered.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(csr.PublicKey.ExportSubjectPublicKeyInfo());
        }
        catch (PemFormatException)
        {
            return false;
        }
    }
}
