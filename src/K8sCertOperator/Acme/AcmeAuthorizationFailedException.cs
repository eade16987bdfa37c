using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>An authorization ended invalid (or expired/deactivated); carries the failing challenge's error.</summary>
public sealed class AcmeAuthorizationFailedException : AcmeProtocolException
{
    public AcmeAuthorizationFailedException(AcmeAuthorization authorization, AcmeChallenge? failedChallenge)
        : base(failedChallenge?.Error?.Sanitized() ?? new AcmeProblem { Detail = $"authorization is {authorization.Status}" }, 400, null, authorization.Location)
    {
        Authorization = authorization;
        FailedChallenge = failedChallenge;
    }

    public AcmeAuthorization Authorization { get; }

    public AcmeChallenge? FailedChallenge { get; }

    public override string Message =>
        $"authorization for {Authorization.Identifier} is {Authorization.Status}" +
        (FailedChallenge is null ? string.Empty : $"; {FailedChallenge.Type} challenge error: {FailedChallenge.Error?.Sanitized()}");
}
