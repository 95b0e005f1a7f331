@testable import BeaconEngine
import Testing

/// S3's XML error bodies read into errors that name the operation, status, code and message.
@Suite("S3 errors and listings")
struct S3ErrorTests {
    @Test("the error body's Code and Message are kept; a missing body falls back to the status")
    func errorBody() {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist &amp; never did</Message>
            <Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """
        let e = S3Error(operation: "GET mybucket/myfoto.jpg", status: 404, body: Array(body.utf8))
        #expect(e.code == "NoSuchKey")
        #expect(e.message == "The resource you requested does not exist & never did")
        #expect(e.description == "S3 GET mybucket/myfoto.jpg: 404 NoSuchKey: The resource you requested does not exist & never did")
        #expect(S3Error(operation: "HEAD b/k", status: 412, body: []).code == "PreconditionFailed")
    }

    @Test("a ListObjectsV2 page's keys, sizes and continuation token")
    func listing() {
        let xml = """
            <ListBucketResult><Name>b</Name><IsTruncated>true</IsTruncated>
            <Contents><Key>a&amp;b/1.gz</Key><Size>12</Size><ETag>"e1"</ETag></Contents>
            <Contents><Key>a/2.gz</Key><Size>7</Size><ETag>"e2"</ETag></Contents>
            <NextContinuationToken>tok/en==</NextContinuationToken></ListBucketResult>
            """[...]
        let contents = S3XML.blocks("Contents", in: xml)
        #expect(contents.map { S3XML.value("Key", in: $0) } == ["a&b/1.gz", "a/2.gz"])
        #expect(contents.map { S3XML.value("Size", in: $0) } == ["12", "7"])
        #expect(S3XML.value("NextContinuationToken", in: xml) == "tok/en==")
    }

    @Test("configuration names the missing or malformed setting")
    func configuration() throws {
        #expect(try S3Configuration.resolve(environment: [:]) == nil)
        let env = [
            "BEACON_ARCHIVE_S3_ENDPOINT": "http://127.0.0.1:8333", "BEACON_ARCHIVE_S3_BUCKET": "beacon-archive",
            "AWS_ACCESS_KEY_ID": "ak", "AWS_SECRET_ACCESS_KEY": "sk",
        ]
        let c = try #require(try S3Configuration.resolve(environment: env))
        #expect(c.bucket == "beacon-archive" && c.region == "us-east-1" && c.accessKey == "ak" && c.secretKey == "sk")
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.resolve(endpoint: "ftp://x", environment: env) }
        do {
            _ = try S3Configuration.resolve(bucket: "Bad_Bucket", environment: env)
            Issue.record("a bad bucket name was accepted")
        } catch let e as S3ConfigurationError {
            #expect(e.field == "bucket")
        }
        var noSecret = env
        noSecret["AWS_SECRET_ACCESS_KEY"] = nil
        do {
            _ = try S3Configuration.resolve(environment: noSecret)
            Issue.record("a missing secret was accepted")
        } catch let e as S3ConfigurationError {
            #expect(e.field == "secret-key")
        }
    }
}
