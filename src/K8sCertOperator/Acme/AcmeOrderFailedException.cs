using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>An order ended invalid; carries the order and its error.</summary>
public sealed class AcmeOrderFailedException : AcmeProtocolException
{
    public AcmeOrderFailedException(AcmeOrder order)
        : base(order.Error?.Sanitized() ?? new AcmeProblem { Detail = $"order is {order.Status}" }, 400, null, order.Location)
    {
        Order = order;
    }

    public AcmeOrder Order { get; }

    public override string Message => $"order {Order.Location} is {Order.Status}: {Order.Error?.Sanitized()}";
}
