"""Signed radiology reports: text layout, warning acknowledgement, FHIR and HL7 v2 export."""
