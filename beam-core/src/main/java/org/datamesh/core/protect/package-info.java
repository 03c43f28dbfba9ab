/**
 * Protection of personal data by classification: keyed tokens, authenticated encryption, masks,
 * salted hashes, generalization and dropped columns, with keys from a Tink keyset file.
 */
package org.datamesh.core.protect;
