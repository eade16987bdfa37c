using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Reads back what an Order was created for (Orders are built from CertificateRequests: see CertificateRequests.AcmeOrders).</summary>
public static class OrderFactory
{
    /// <summary>The Certificate revision an Order was created for; null when the annotation is missing or malformed.</summary>
    public static int? RevisionOf(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return CertificateRequestFactory.RevisionOf(order.Metadata);
    }
}
