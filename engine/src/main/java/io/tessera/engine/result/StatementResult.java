package io.tessera.engine.result;

/** What one statement produced. */
public sealed interface StatementResult
        permits QueryResult, IntoResult, ExplainResult, DescribeResult, MessageResult, ListingResult {
}
