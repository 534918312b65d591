/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TPM_H
#define _TPM_H

#include <linux/spinlock.h>
#include <linux/types.h>

struct tpc_chip {
	spinlock_t lock;		/* locality, timeouts */
	int locality;
	unsigned long timeout_a;
	void __iomem *base;
};

/* tpc_loc.c */
int tpc_request_locality(struct tpc_chip *chip, int l);

/* tpc_cmd.c */
int tpc_start_cmd(struct tpc_chip *chip);

#endif /* _TPM_H */
