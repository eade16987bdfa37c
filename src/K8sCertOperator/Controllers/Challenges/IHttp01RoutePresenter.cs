using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Puts in place, and takes away, what routes the CA's HTTP-01 request for one Challenge to the responder.</summary>
public interface IHttp01RoutePresenter
{
    /// <summary>Creates or updates the route; throws <see cref="PresentationRefusedException"/> when the cluster refuses it.</summary>
    Task PresentAsync(Challenge challenge, CancellationToken ct);

    /// <summary>Deletes every piece of the route; absent pieces are not an error.</summary>
    Task CleanUpAsync(Challenge challenge, CancellationToken ct);
}
