namespace K8sCertOperator.Outbound;

/// <summary>A peer sent more bytes than the caller allows (counted after decompression); reading stopped at the cap.</summary>
public sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(long limitBytes)
        : base($"the response exceeds the limit of {BoundedContent.Describe(limitBytes)}")
    {
        LimitBytes = limitBytes;
    }

    public long LimitBytes { get; }
}
