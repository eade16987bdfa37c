namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// The API server refused an object a solver needs (admission denied, forbidden, invalid): retrying the same
/// object cannot succeed, so the Challenge fails with this message instead of being retried.
/// </summary>
public sealed class PresentationRefusedException : Exception
{
    public PresentationRefusedException()
    {
    }

    public PresentationRefusedException(string message)
        : base(message)
    {
    }

    public PresentationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
