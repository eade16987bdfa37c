namespace K8sCertOperator.Outbound;

/// <summary>
/// A peer sent more bytes than the caller allows (counted after decompression); reading stopped at the cap.
/// Not an IOException on purpose: it is the peer's answer, not a network failure, so it is not retried as one.
/// </summary>
public sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long limitBytes)
        : base($"the response exceeds the limit of {BoundedContent.Describe(limitBytes)}")
    {
        LimitBytes = limitBytes;
    }

    public long LimitBytes { get; }
}
