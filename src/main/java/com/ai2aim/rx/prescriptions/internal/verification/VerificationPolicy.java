package com.ai2aim.rx.prescriptions.internal.verification;

import java.util.List;

/** One named clinical check. Pure: it reads the input and returns findings, and never touches a database. */
public interface VerificationPolicy {

    /** The name stored with each finding, e.g. {@code duplicateTherapyPolicy}. */
    String name();

    List<Finding> apply(VerificationInput input);
}
